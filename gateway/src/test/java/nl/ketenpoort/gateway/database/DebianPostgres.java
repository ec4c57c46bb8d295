package nl.ketenpoort.gateway.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package ({@code .ci/run}
 * installs it), started for one test class in a temporary directory owned by the
 * {@code postgres} user ({@code runuser}: PostgreSQL refuses to run as root, and CI runs
 * as root), listening on a free loopback port with password authentication only.
 *
 * @param bin the server's programs
 * @param home the temporary directory (data, socket, log)
 * @param port the loopback port
 * @param password the superuser's password
 */
record DebianPostgres(Path bin, Path home, int port, String password) implements AutoCloseable {

	static final String DATABASE = "ketenpoort";

	static DebianPostgres start(int port) throws IOException, InterruptedException, SQLException {
		Path bin = binaries();
		Path home = Files.createTempDirectory("ketenpoort-pg-");
		UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
		Files.setOwner(home, users.lookupPrincipalByName("postgres"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		String password = UUID.randomUUID().toString();
		Path passwordFile = home.resolve("password");
		Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
		Files.setOwner(passwordFile, users.lookupPrincipalByName("postgres"));
		DebianPostgres server = new DebianPostgres(bin, home, port, password);
		server.asPostgres("initdb", "-D", home.resolve("data").toString(), "-U", "postgres", "--auth=scram-sha-256",
				"--pwfile=" + passwordFile, "--encoding=UTF8", "--locale=C");
		Files.delete(passwordFile);
		server.asPostgres("pg_ctl", "-D", home.resolve("data").toString(), "-l", home.resolve("server.log").toString(),
				"-w", "-t", "60", "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c max_connections=200", "start");
		try (Connection admin = server.connect("postgres", "postgres", password)) {
			admin.createStatement().execute("CREATE DATABASE " + DATABASE);
		}
		return server;
	}

	/** The newest installed major version's programs. */
	private static Path binaries() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		assertThat(root).as("Debian's postgresql package (installed by .ci/run: apt-get install postgresql)")
			.isDirectory();
		try (Stream<Path> versions = Files.list(root)) {
			return versions.filter((version) -> Files.isExecutable(version.resolve("bin/pg_ctl")))
				.max((a, b) -> Integer.compare(Integer.parseInt(a.getFileName().toString()),
						Integer.parseInt(b.getFileName().toString())))
				.orElseThrow(() -> new AssertionError("no PostgreSQL under " + root))
				.resolve("bin");
		}
	}

	String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	Connection connect(String database, String user, String password) {
		try {
			return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, user,
					password);
		}
		catch (SQLException ex) {
			throw new AssertionError("Could not connect to the test's PostgreSQL", ex);
		}
	}

	private void asPostgres(String program, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("runuser", "-u", "postgres", "--", this.bin.resolve(program).toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(program + " finished").isTrue();
		assertThat(process.exitValue()).as(program + ": " + output).isZero();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		asPostgres("pg_ctl", "-D", this.home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
		new ProcessBuilder("rm", "-rf", this.home.toString()).start().waitFor(30, TimeUnit.SECONDS);
	}

}
