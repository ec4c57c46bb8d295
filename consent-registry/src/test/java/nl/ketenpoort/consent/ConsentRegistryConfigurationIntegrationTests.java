package nl.ketenpoort.consent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import nl.ketenpoort.consent.statement.ConsentKeys;
import nl.ketenpoort.consent.subject.Subjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentRegistryConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConsentRegistryConfiguration.class))
		.withBean(DataSource.class, TestDatabase::dataSource);

	@BeforeEach
	void reset() {
		TestDatabase.reset();
	}

	@Test
	void isRegisteredAsAutoConfiguration() throws IOException {
		try (InputStream in = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getInputStream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.contains(ConsentRegistryConfiguration.class.getName());
		}
	}

	@Test
	void offersTheRegistryAndCreatesTheFirstSigningKeyAtStart() {
		this.runner
			.withPropertyValues("ketenpoort.consent.pseudonym-key=" + TestRegistry.PSEUDONYM_KEY,
					"ketenpoort.consent.key-encryption-key=" + TestRegistry.KEY_ENCRYPTION_KEY)
			.run((context) -> {
				assertThat(context).hasSingleBean(ConsentRegistry.class)
					.hasSingleBean(ConsentChecks.class)
					.hasSingleBean(Subjects.class);
				assertThat(context.getBean(ConsentKeys.class).keySet().kids()).hasSize(1);
			});
	}

	@Test
	void withoutItsStartUpTasksItCreatesNoKeyAndAnnouncesNothing() {
		// a command run beside the serving application does not write at start
		this.runner
			.withPropertyValues("ketenpoort.consent.pseudonym-key=" + TestRegistry.PSEUDONYM_KEY,
					"ketenpoort.consent.key-encryption-key=" + TestRegistry.KEY_ENCRYPTION_KEY,
					ConsentRegistryConfiguration.START_UP_TASKS + "=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ConsentRegistry.class)
					.doesNotHaveBean("consentSigningKeyInitializer")
					.doesNotHaveBean("consentMergedDuplicatesAnnouncer");
				assertThat(JdbcClient.create(TestDatabase.dataSource())
					.sql("SELECT count(*) FROM consent_signing_key")
					.query(Long.class)
					.single()).isZero();
			});
	}

	@Test
	void failsToStartWithoutThePseudonymKey() {
		this.runner.withPropertyValues("ketenpoort.consent.key-encryption-key=" + TestRegistry.KEY_ENCRYPTION_KEY)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ConsentSettingsInvalid.class)
				.hasMessage("ketenpoort.consent.pseudonym-key is missing"));
	}

	@Test
	void failsToStartWithAnotherKeyEncryptionKeyThanTheKeysWereStoredUnder() {
		this.runner
			.withPropertyValues("ketenpoort.consent.pseudonym-key=" + TestRegistry.PSEUDONYM_KEY,
					"ketenpoort.consent.key-encryption-key=" + TestRegistry.KEY_ENCRYPTION_KEY)
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("ketenpoort.consent.pseudonym-key=" + TestRegistry.PSEUDONYM_KEY,
					"ketenpoort.consent.key-encryption-key=" + TestRegistry.PSEUDONYM_KEY)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("cannot be decrypted"));
	}

}
