package nl.ketenpoort.gateway.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ketenpoort.gateway.KetenpoortApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.database.internal.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway runs on a real PostgreSQL: its own embedded server that keeps data across
 * restarts and survives a crash, or an external one when {@code SPRING_DATASOURCE_URL} is
 * given.
 */
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void restartKeepsDataAndDoesNotRerunMigrations() throws Exception {
		// given: a first run that migrated the schema and stored something
		List<Map<String, Object>> migrationsOfFirstRun;
		try (ConfigurableApplicationContext first = start(this.dataDir)) {
			JdbcClient jdbc = JdbcClient.create(first.getBean("flywayDataSource", javax.sql.DataSource.class));
			migrationsOfFirstRun = migrations(jdbc);
			jdbc.sql("CREATE TABLE restart_probe (note text)").update();
			jdbc.sql("INSERT INTO restart_probe VALUES ('kept')").update();
			jdbc.sql("GRANT SELECT ON restart_probe TO ketenpoort_app").update();
		}

		// when: the gateway starts again on the same data directory
		try (ConfigurableApplicationContext second = start(this.dataDir)) {
			JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));

			// then: the application role reads what the first run stored
			assertThat(migrationsOfFirstRun).isNotEmpty();
			assertThat(migrations(JdbcClient.create(second.getBean("flywayDataSource", javax.sql.DataSource.class))))
				.isEqualTo(migrationsOfFirstRun);
			assertThat(jdbc.sql("SELECT note FROM restart_probe").query(String.class).list()).containsExactly("kept");
		}
	}

	@Test
	void connectionSettingsAreWrittenForOperatorsAndTheServerListensOnLoopbackWithAPassword() throws Exception {
		try (ConfigurableApplicationContext context = start(this.dataDir)) {
			DatabaseConnection connection = DatabaseConnection.read(this.dataDir).orElseThrow();

			assertThat(connection.url()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/ketenpoort");
			assertThat(connection.password()).hasSizeGreaterThanOrEqualTo(20);
			assertThat(connection.username()).isEqualTo("ketenpoort_app");
			assertThat(connection.adminPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(connection.password());
			assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("postgres.env"))).containsExactlyInAnyOrder(
					java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
			assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))).contains("scram-sha-256")
				.doesNotContain("trust");
			assertThat(tryConnect(connection.url(), "postgres", "wrong-password")).isFalse();
			assertThat(tryConnect(connection.url(), "postgres", connection.adminPassword())).isTrue();
			assertThat(tryConnect(connection.url(), "ketenpoort_app", connection.password())).isTrue();
			assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("ketenpoort_app");
		}
	}

	@Test
	void staleProcessIdFileOfACrashedRunIsRecovered() throws Exception {
		// given: a run that ended, and a postmaster.pid left behind naming a process that
		// is gone
		start(this.dataDir).close();
		Files.writeString(this.dataDir.resolve("postgres/postmaster.pid"), "999999\n" + this.dataDir + "\n");

		// when / then
		try (ConfigurableApplicationContext context = start(this.dataDir)) {
			assertThat(health(context)).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void orphanedPostgresOfAKilledGatewayIsStoppedAndRestarted() throws Exception {
		// given: PostgreSQL still running on the data directory with no gateway owning
		// it, as
		// after a SIGKILL of the gateway
		String pgCtl;
		try (ConfigurableApplicationContext first = start(this.dataDir)) {
			long pid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0));
			String postgres = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
			pgCtl = Path.of(postgres).resolveSibling("pg_ctl").toString();
		}
		int port = DatabaseConnection.read(this.dataDir).orElseThrow().port();
		List<String> command = new java.util.ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root; like the embedded server, use a user
			// namespace.
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl, "-D", this.dataDir.resolve("postgres").toString(), "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=", "-w", "start"));
		Process orphan = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(orphan.waitFor()).isZero();
		long orphanPid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0));

		// when
		try (ConfigurableApplicationContext context = start(this.dataDir)) {
			// then: the orphan is gone and a server owned by this gateway serves the same
			// data
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(context.getBean(EmbeddedPostgresServer.class).owned()).isTrue();
			assertThat(health(context)).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void externalDatabaseIsUsedAndNoEmbeddedServerIsStarted() throws Exception {
		// given: a PostgreSQL started separately from the gateway
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
			String url = external.getJdbcUrl("postgres", "postgres");

			// when
			try (ConfigurableApplicationContext context = start(this.dataDir, "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres")) {
				// then
				assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
				assertThat(Files.exists(this.dataDir.resolve("postgres"))).isFalse();
				assertThat(Files.exists(this.dataDir.resolve("postgres.env"))).isFalse();
				JdbcClient direct = JdbcClient.create(external.getPostgresDatabase());
				assertThat(direct.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
					.query(Integer.class)
					.single()).isPositive();
			}
		}
	}

	@Test
	void twoInstancesRunSideBySideWithTheirOwnPortAndData(@TempDir Path otherDataDir) throws Exception {
		try (ConfigurableApplicationContext one = start(this.dataDir);
				ConfigurableApplicationContext two = start(otherDataDir)) {
			assertThat(health(one)).contains("\"status\":\"UP\"");
			assertThat(health(two)).contains("\"status\":\"UP\"");
			assertThat(port(one)).isNotEqualTo(port(two));
			assertThat(DatabaseConnection.read(this.dataDir).orElseThrow().port())
				.isNotEqualTo(DatabaseConnection.read(otherDataDir).orElseThrow().port());
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... extraArgs) {
		String[] args = new String[extraArgs.length + 2];
		args[0] = "--ketenpoort.data-dir=" + dataDir;
		args[1] = "--server.port=0";
		System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
		return new SpringApplicationBuilder(KetenpoortApplication.class).run(args);
	}

	private static List<Map<String, Object>> migrations(JdbcClient jdbc) {
		return jdbc
			.sql("SELECT installed_rank, version, checksum, installed_on FROM flyway_schema_history"
					+ " ORDER BY installed_rank")
			.query()
			.listOfRows();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static String health(ConfigurableApplicationContext context) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static boolean tryConnect(String url, String user, String password) {
		try (var connection = java.sql.DriverManager.getConnection(url, user, password)) {
			return connection.isValid(2);
		}
		catch (java.sql.SQLException ex) {
			return false;
		}
	}

}
