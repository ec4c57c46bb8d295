package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.database.internal.EmbeddedPostgresServer;
import nl.ketenpoort.gateway.database.SchemaOwner;
import nl.ketenpoort.gateway.database.SchemaVersion;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context a command starts: every command's beans resolve in it, on the embedded
 * database and on an external one, and nothing of the serving gateway starts with it.
 */
class OperatorCommandContextIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	SchemaOwner owner;

	@Autowired
	DataSource dataSource;

	@Test
	void onTheEmbeddedDatabaseEveryCommandIsWiredAndNothingOfTheServerStarts() {
		try (ConfigurableApplicationContext context = OperatorCommandLine.builder(false)
			.run("--ketenpoort.data-dir=" + dataDir())) {
			// then: the embedded server of the data directory is attached to, not started
			assertThat(context.getBean(EmbeddedPostgresServer.class).owned()).isFalse();
			assertEveryCommandRuns(context);
			assertThat(context.getBean(SchemaVersion.class).behind()).isEmpty();
			for (Class<?> server : List.of(CamelContext.class, SecurityFilterChain.class, DispatcherServlet.class,
					TaskScheduler.class)) {
				assertThat(context.getBeanNamesForType(server)).as(server.getSimpleName()).isEmpty();
			}
			// the consent registry's start-up work (first key, announcing merged
			// duplicates) is the serving gateway's
			assertThat(context.getBeansOfType(ApplicationListener.class).keySet())
				.doesNotContain("consentMergedDuplicatesAnnouncer");
			assertThat(context.containsBean("consentSigningKeyInitializer")).isFalse();
		}
	}

	@Test
	void onAnExternalDatabaseEveryCommandIsWiredWithoutAnEmbeddedServer() {
		DatabaseConnection connection = DatabaseConnection.read(dataDir()).orElseThrow();
		try (ConfigurableApplicationContext context = OperatorCommandLine.builder(false)
			.run("--ketenpoort.data-dir=" + dataDir(), "--spring.datasource.url=" + connection.url(),
					"--spring.datasource.username=" + connection.username(),
					"--spring.datasource.password=" + connection.password(),
					"--spring.flyway.user=" + connection.adminUsername(),
					"--spring.flyway.password=" + connection.adminPassword())) {
			assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
			assertThat(context.getBean(SchemaOwner.class).dataSource()).isPresent();
			assertEveryCommandRuns(context);
			assertThat(context.getBean(SchemaVersion.class).behind()).isEmpty();
		}
	}

	@Test
	void aSchemaOlderThanTheMigrationsTheGatewayCarriesIsNamedWithBothVersions() {
		DataSource schemaOwner = this.owner.dataSource().orElseThrow();
		List<String> locations = List.of("classpath:db/migration/consent-registry", "classpath:db/migration/adapters",
				"classpath:db/migration/gateway");

		assertThat(new SchemaVersion(schemaOwner, locations).behind()).isEmpty();
		// a gateway that carries one more migration than the database has
		assertThat(new SchemaVersion(schemaOwner,
				java.util.stream.Stream.concat(locations.stream(), java.util.stream.Stream.of("classpath:db/future"))
					.toList())
			.behind())
			.hasValueSatisfying((sentence) -> assertThat(sentence).contains("needs version 99.1")
				.contains("start the gateway once"));
	}

	/**
	 * Every command's bean is created, and verify runs on it: the proof that a command's
	 * dependencies are all in the command context.
	 */
	private static void assertEveryCommandRuns(ConfigurableApplicationContext context) {
		for (Class<? extends Command> type : OperatorCommandLine.commandClasses()) {
			assertThat(context.getBean(type)).as(type.getSimpleName()).isNotNull();
		}
		Command verify = context.getBeansOfType(Command.class)
			.values()
			.stream()
			.filter((command) -> "verify".equals(command.name()))
			.findFirst()
			.orElseThrow();
		StringWriter out = new StringWriter();
		assertThat(verify.run(List.of("1", "1"), new PrintWriter(out, true))).as(out.toString()).isZero();
		assertThat(out.toString()).contains("The audit chain is intact.");
		assertThat(ClassUtils.getUserClass(verify.getClass()).getSimpleName()).isEqualTo("AuditVerifyCommand");
	}

}
