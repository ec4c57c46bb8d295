package nl.ketenpoort.gateway.database.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server in {@code $KETENPOORT_DATA_DIR/postgres}, owned by this
 * process: initialised on first start, kept across restarts, recovered after a crash,
 * reachable on 127.0.0.1 only and protected by a generated password.
 *
 * <p>
 * When another live process already owns the data directory (a running gateway while the
 * CLI checks the audit chain), this server attaches to it through {@code postgres.env}
 * instead and never stops it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** The application database inside the embedded cluster. */
	public static final String DATABASE = "ketenpoort";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String SUPERUSER = "postgres";

	/** The role the application runs as; it does not own the schema. */
	public static final String APPLICATION_ROLE = "ketenpoort_app";

	private static final String HARDENED_MARKER = "# ketenpoort: password required, loopback only";

	private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

	private final @Nullable EmbeddedPostgres postgres;

	private final DatabaseConnection connection;

	private final Path pgData;

	private EmbeddedPostgresServer(@Nullable EmbeddedPostgres postgres, DatabaseConnection connection, Path pgData) {
		this.postgres = postgres;
		this.connection = connection;
		this.pgData = pgData.toAbsolutePath().normalize();
	}

	/**
	 * Starts the server for this data directory, or attaches to the one another process
	 * runs.
	 */
	public static EmbeddedPostgresServer startOrAttach(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			Path pgData = dataDir.resolve("postgres");
			Optional<DatabaseConnection> previous = DatabaseConnection.read(dataDir);
			if (previous.isPresent() && ownedByLiveProcess(pgData)) {
				log.info("Embedded PostgreSQL in {} is run by another process; attaching to it", pgData);
				return new EmbeddedPostgresServer(null, previous.get(), pgData);
			}
			stopOrphan(pgData);
			boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
			Optional<DatabaseConnection> kept = previous.filter((connection) -> !fresh)
				.filter((connection) -> !connection.adminPassword().isEmpty());
			String password = kept.map(DatabaseConnection::adminPassword)
				.orElseGet(EmbeddedPostgresServer::newPassword);
			String applicationPassword = kept.map(DatabaseConnection::password)
				.orElseGet(EmbeddedPostgresServer::newPassword);
			int port = previous.map(DatabaseConnection::port)
				.filter(EmbeddedPostgresServer::isFree)
				.orElseGet(EmbeddedPostgresServer::freePort);
			DatabaseConnection connection = new DatabaseConnection(
					"jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, APPLICATION_ROLE, applicationPassword,
					SUPERUSER, password);
			// Written before the server starts so a crash during first start never loses
			// the password.
			connection.write(dataDir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("listen_addresses", "127.0.0.1")
				// Accepted exchanges must survive a crash: keep PostgreSQL's durable
				// defaults.
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("unix_socket_directories", "")
				.setConnectConfig("password", password)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, connection, pgData);
			RUN_HERE.add(server.pgData);
			server.prepare(pgData);
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", port, pgData);
			return server;
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseFailed("Embedded PostgreSQL could not start in " + dataDir, ex);
		}
	}

	/** How to connect to the application database. */
	public DatabaseConnection connection() {
		return this.connection;
	}

	/**
	 * Data directories whose server this process runs. Asked before the lock file: on
	 * Linux, closing any descriptor of a file drops every lock this process holds on it,
	 * so probing the lock from the owning process itself would silently give up ownership
	 * (and the next command-line process would take the running server for an orphan).
	 */
	private static final Set<Path> RUN_HERE = ConcurrentHashMap.newKeySet();

	/** Whether this process started the server (and will stop it). */
	public boolean owned() {
		return this.postgres != null;
	}

	@Override
	public void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
			RUN_HERE.remove(this.pgData);
		}
	}

	private void prepare(Path pgData) throws IOException {
		EmbeddedPostgres server = this.postgres;
		if (server == null) {
			return;
		}
		try (Connection admin = server.getPostgresDatabase().getConnection();
				Statement statement = admin.createStatement()) {
			var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
			var role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE + "'");
			if (!role.next()) {
				statement.execute("CREATE ROLE " + APPLICATION_ROLE);
			}
			statement
				.execute("ALTER ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '" + this.connection.password() + "'");
			Path hba = pgData.resolve("pg_hba.conf");
			if (!Files.readString(hba).contains(HARDENED_MARKER)) {
				statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + this.connection.adminPassword() + "'");
				Files.write(hba, List.of(HARDENED_MARKER, "host all all 127.0.0.1/32 scram-sha-256"),
						StandardCharsets.UTF_8);
				statement.execute("SELECT pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new EmbeddedDatabaseFailed("Embedded PostgreSQL could not be prepared", ex);
		}
	}

	/** True when a live process holds the data directory's lock (a running gateway). */
	private static boolean ownedByLiveProcess(Path pgData) throws IOException {
		if (RUN_HERE.contains(pgData.toAbsolutePath().normalize())) {
			return true;
		}
		Path lockFile = pgData.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw")) {
			FileLock lock = file.getChannel().tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	/**
	 * A gateway killed with SIGKILL leaves its PostgreSQL running without an owner, or a
	 * stale {@code postmaster.pid}: stop the orphan (a fast shutdown keeps committed
	 * data) and clear the pid file, so the server can start cleanly.
	 */
	private static void stopOrphan(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		}
		catch (RuntimeException ex) {
			log.warn("Removing unreadable postmaster.pid in {}", pgData);
			Files.deleteIfExists(pidFile);
			return;
		}
		Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.contains("postgres")).orElse(false));
		if (orphan.isPresent()) {
			log.warn("Stopping PostgreSQL (pid {}) left running by a previous gateway that did not shut down", pid);
			signal("INT", pid);
			try {
				orphan.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.warn("PostgreSQL (pid {}) did not stop in time; killing it", pid);
				orphan.get().destroyForcibly();
			}
		}
		else {
			log.warn("Removing stale postmaster.pid in {} (pid {} is not running)", pgData, pid);
		}
		Files.deleteIfExists(pidFile);
	}

	private static void signal(String signal, long pid) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean isFree(int port) {
		if (port <= 0) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseFailed("No free port for embedded PostgreSQL", ex);
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
