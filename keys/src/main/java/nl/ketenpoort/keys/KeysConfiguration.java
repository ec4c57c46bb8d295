package nl.ketenpoort.keys;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Offers {@link KeyRings} on the application's {@link DataSource}, with its
 * {@link PlatformTransactionManager} and {@link Clock} when present; the application adds
 * {@code classpath:db/migration/keys} to its Flyway locations.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
public class KeysConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	KeyRings keyRings(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<Clock> clock) {
		return new KeyRings(dataSource,
				transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource)),
				clock.getIfAvailable(Clock::systemUTC));
	}

}
