package nl.ketenpoort.consent;

import java.time.Clock;

import javax.sql.DataSource;

import nl.ketenpoort.consent.purpose.AllowedEntries;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.statement.ConsentKeys;
import nl.ketenpoort.consent.statement.ConsentStatements;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the consent registry onto the application's {@link DataSource}; the schema comes
 * from the Flyway migrations in {@code classpath:db/migration/keys} (its signing keys,
 * module {@code keys}) and {@code classpath:db/migration/consent-registry}.
 * <p>
 * Requires {@code ketenpoort.consent.pseudonym-key} and
 * {@code ketenpoort.consent.key-encryption-key}. Uses the application's
 * {@link PlatformTransactionManager} and {@link Clock} beans when present. With
 * {@code ketenpoort.consent.start-up-tasks=false} (a tool or command beside a running
 * application) it does none of its start-up work: no first signing key, no announcement
 * of merged duplicates.
 */
@AutoConfiguration(afterName = { "nl.ketenpoort.schemas.registry.SchemasAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@EnableConfigurationProperties(ConsentSettings.class)
public class ConsentRegistryConfiguration {

	/**
	 * Whether the registry does its start-up work (default true); the application that
	 * serves does it, a command run beside it does not.
	 */
	public static final String START_UP_TASKS = "ketenpoort.consent.start-up-tasks";

	@Bean
	@ConditionalOnMissingBean
	PurposeCatalogue purposeCatalogue(ObjectProvider<DocumentSchemas> schemas) {
		DocumentSchemas compiled = schemas.getIfAvailable();
		AllowedEntries allowedEntries = (compiled != null) ? compiled::unknownEntries : AllowedEntries.CATEGORIES_ONLY;
		return PurposeCatalogue.load(new ClassPathResource(PurposeCatalogue.DEFAULT_LOCATION), allowedEntries);
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	Subjects consentSubjects(DataSource dataSource, ConsentSettings settings) {
		return new Subjects(dataSource, settings.pseudonymKeyBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	ConsentKeys consentKeys(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
			ConsentSettings settings, ObjectProvider<Clock> clock) {
		return new ConsentKeys(dataSource, transactions(dataSource, transactionManager),
				settings.keyEncryptionKeyBytes(), settings.keyRotationInterval(), clock(clock));
	}

	/**
	 * Creates the first signing key on first start, and fails start-up on a wrong
	 * key-encryption key.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = START_UP_TASKS, matchIfMissing = true)
	SmartInitializingSingleton consentSigningKeyInitializer(ConsentKeys keys) {
		return keys::ensureSigningKey;
	}

	@Bean
	@ConditionalOnMissingBean
	ConsentStatements consentStatements(ConsentKeys keys, ConsentSettings settings, ObjectProvider<Clock> clock) {
		return new ConsentStatements(keys, settings.statementCacheSize(), clock(clock));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	Consents consents(DataSource dataSource) {
		return new Consents(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	ConsentRegistry consentRegistry(Consents consents, PurposeCatalogue catalogue, ConsentStatements statements,
			DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
			ApplicationEventPublisher events, ConsentSettings settings, ObjectProvider<Clock> clock) {
		return new ConsentRegistry(consents, catalogue, statements,
				new TransactionTemplate(transactions(dataSource, transactionManager)), events,
				settings.issuer().toString(), clock(clock));
	}

	/**
	 * Announces, once the context is refreshed, the consents the migration revoked as
	 * duplicates; on refresh rather than on singleton initialisation, because only then
	 * are the {@code @EventListener}s (the gateway's audit log) all registered.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = START_UP_TASKS, matchIfMissing = true)
	ApplicationListener<ContextRefreshedEvent> consentMergedDuplicatesAnnouncer(ConsentRegistry registry) {
		return (event) -> registry.announceMergedDuplicates();
	}

	@Bean
	@ConditionalOnMissingBean
	ConsentChecks consentChecks(Consents consents, PurposeCatalogue catalogue, ConsentStatements statements,
			ObjectProvider<Clock> clock) {
		return new ConsentChecks(consents, catalogue, statements, clock(clock));
	}

	private static PlatformTransactionManager transactions(DataSource dataSource,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource));
	}

	private static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
