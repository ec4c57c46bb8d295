package nl.ketenpoort.benchmarks.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's database as {@code $KETENPOORT_DATA_DIR/postgres.env} describes it
 * (falling back to the {@code SPRING_DATASOURCE_*} environment).
 *
 * @param url JDBC URL
 * @param username database user
 * @param password its password
 */
record GatewayDatabase(String url, String username, String password) {

	static GatewayDatabase from(Path dataDir) throws IOException {
		Map<String, String> settings = new HashMap<>(System.getenv());
		Path file = dataDir.resolve("postgres.env");
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file)) {
				int equals = line.indexOf('=');
				if (equals > 0 && !line.startsWith("#")) {
					settings.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
				}
			}
		}
		String url = settings.get("SPRING_DATASOURCE_URL");
		if (url == null) {
			throw new IllegalArgumentException("No " + file + " and no SPRING_DATASOURCE_URL: start the gateway once"
					+ " with KETENPOORT_DATA_DIR=" + dataDir + " or pass --data-dir");
		}
		return new GatewayDatabase(url, settings.getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
				settings.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

}
