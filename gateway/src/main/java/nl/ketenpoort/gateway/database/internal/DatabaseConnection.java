package nl.ketenpoort.gateway.database.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach the embedded database; kept in {@code $KETENPOORT_DATA_DIR/postgres.env}
 * so that operators, {@code psql} and the CLI reach the same database as the running
 * gateway.
 *
 * @param url JDBC URL
 * @param username the application's role: it may only read and append to the audit log
 * @param password the application role's password
 * @param adminUsername the owner of the schema, used by Flyway for migrations
 * @param adminPassword the owner's password
 */
public record DatabaseConnection(String url, String username, String password, String adminUsername,
		String adminPassword) {

	static final String FILE_NAME = "postgres.env";

	/** Reads {@code postgres.env} from the data directory, if it is there. */
	public static Optional<DatabaseConnection> read(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties env = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			env.load(reader);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseFailed("Could not read " + file, ex);
		}
		String url = env.getProperty("SPRING_DATASOURCE_URL");
		if (url == null) {
			return Optional.empty();
		}
		return Optional.of(new DatabaseConnection(url, env.getProperty("SPRING_DATASOURCE_USERNAME", ""),
				env.getProperty("SPRING_DATASOURCE_PASSWORD", ""), env.getProperty("SPRING_FLYWAY_USER", ""),
				env.getProperty("SPRING_FLYWAY_PASSWORD", "")));
	}

	/**
	 * Writes {@code postgres.env} readable by the owner only, replacing it atomically.
	 */
	void write(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
		try {
			Files.deleteIfExists(temporary);
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				writer.write("SPRING_DATASOURCE_URL=" + this.url + "\n");
				writer.write("SPRING_DATASOURCE_USERNAME=" + this.username + "\n");
				writer.write("SPRING_DATASOURCE_PASSWORD=" + this.password + "\n");
				writer.write("SPRING_FLYWAY_USER=" + this.adminUsername + "\n");
				writer.write("SPRING_FLYWAY_PASSWORD=" + this.adminPassword + "\n");
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseFailed("Could not write " + file, ex);
		}
	}

	/** The TCP port named in the URL, or -1. */
	public int port() {
		var matcher = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(this.url);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	@Override
	public String toString() {
		return "DatabaseConnection[url=" + this.url + ", username=" + this.username + "]";
	}

}
