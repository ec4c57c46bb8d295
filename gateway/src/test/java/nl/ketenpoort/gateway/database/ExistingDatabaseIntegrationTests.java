package nl.ketenpoort.gateway.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.database.internal.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database made by an earlier gateway starts with this product jar: Flyway validates
 * every applied migration against the jar's scripts (description and CRC32 checksum, so a
 * script edited in place, such as the sandbox's {@code V3_60__sandbox.sql} and
 * {@code V3_61__demo_subjects.sql} turned into no-ops, would make the gateway refuse to
 * start) and applies only what is new. The earlier schema is the one of commit
 * {@code b7f7612}, the last before the sandbox left the product, migrated from a frozen
 * copy of its scripts ({@code src/test/resources/b7f7612}).
 */
class ExistingDatabaseIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private static final String[] EARLIER = { "classpath:b7f7612/db/migration/consent-registry",
			"classpath:b7f7612/db/migration/adapters", "classpath:b7f7612/db/migration/gateway" };

	@Test
	void aDatabaseOfTheEarlierGatewayStartsWithTheProductJar(@TempDir Path dataDir, @TempDir Path scripts)
			throws Exception {
		// given: the embedded database as the earlier gateway left it
		int earlier;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir)) {
			DataSource owner = owner(server.connection());
			earlier = Flyway.configure(getClass().getClassLoader())
				.dataSource(owner)
				.locations(EARLIER)
				.load()
				.migrate().migrationsExecuted;
			assertThat(history(owner)).contains("3.60 sandbox", "3.61 demo subjects");
			// why the sandbox's scripts stay as they were: a no-op in their place fails
			assertThatExceptionOfType(FlywayValidateException.class)
				.isThrownBy(() -> Flyway.configure(getClass().getClassLoader())
					.dataSource(owner)
					.locations(EARLIER[0], EARLIER[1], "filesystem:" + withNoOpSandboxScript(scripts))
					.load()
					.validate())
				.withMessageContaining("checksum mismatch for migration version 3.60");
		}

		// when: the product jar starts on it
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Files.createTempFile(Path.of("target"), "existing-database-", ".log");
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("KETENPOORT_DATA_DIR", dataDir.toString());
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("KETENPOORT_DELIVERY_ENABLED", "false");
		Process gateway = builder.start();
		try {
			// then: it is up, with the earlier history validated and kept
			assertThat(healthy(port, gateway)).as("the gateway answers UP (see %s)", log).isTrue();
			try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dataDir)) {
				DataSource owner = owner(attached.connection());
				List<String> history = history(owner);
				assertThat(history).hasSizeGreaterThanOrEqualTo(earlier).contains("3.60 sandbox", "3.61 demo subjects");
				assertThat(JdbcClient.create(owner)
					.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
					.query(Long.class)
					.single()).isZero();
			}
		}
		finally {
			gateway.destroy();
			gateway.waitFor();
		}
	}

	/**
	 * The earlier gateway scripts with {@code V3_60__sandbox.sql} emptied to a comment.
	 */
	private static Path withNoOpSandboxScript(Path directory) throws IOException {
		for (Resource script : new PathMatchingResourcePatternResolver()
			.getResources("classpath:b7f7612/db/migration/gateway/*.sql")) {
			try (InputStream in = script.getInputStream()) {
				Files.copy(in, directory.resolve(script.getFilename()));
			}
		}
		Files.writeString(directory.resolve("V3_60__sandbox.sql"), "-- moved to the sandbox module\n");
		return directory;
	}

	private static DataSource owner(DatabaseConnection connection) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), connection.url(), connection.adminUsername(),
				connection.adminPassword());
	}

	private static List<String> history(DataSource owner) {
		return JdbcClient.create(owner)
			.sql("SELECT version || ' ' || description FROM flyway_schema_history"
					+ " WHERE version IS NOT NULL ORDER BY installed_rank")
			.query(String.class)
			.list();
	}

	private static boolean healthy(int port, Process gateway) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plusSeconds(180);
		while (Instant.now().isBefore(deadline) && gateway.isAlive()) {
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
