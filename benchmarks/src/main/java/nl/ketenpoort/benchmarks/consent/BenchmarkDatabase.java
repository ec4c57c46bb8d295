package nl.ketenpoort.benchmarks.consent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL with the registry schema in a data directory that is kept, so
 * that the JMH forks of one run (and later runs) share the million generated consents
 * instead of generating them again.
 */
final class BenchmarkDatabase implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkDatabase.class);

	private final EmbeddedPostgres postgres;

	private final HikariDataSource pool;

	private BenchmarkDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setMaximumPoolSize(4);
		this.pool = new HikariDataSource(config);
	}

	static BenchmarkDatabase start(Path directory) throws IOException {
		Files.createDirectories(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("synchronous_commit", "off")
			.start();
		Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("classpath:db/migration/keys", "classpath:db/migration/consent-registry")
			.load()
			.migrate();
		return new BenchmarkDatabase(postgres);
	}

	DataSource dataSource() {
		return this.pool;
	}

	/**
	 * Bulk-load filler consents with COPY: {@code subjects} subjects with
	 * {@code perSubject} consents each, carrying a real statement of the right size.
	 */
	void copyFiller(int subjects, int perSubject, String statement, String kid, Instant grantedAt, Instant validUntil)
			throws SQLException, IOException {
		int batch = 20_000;
		try (Connection connection = this.pool.getConnection()) {
			PGConnection pg = connection.unwrap(PGConnection.class);
			for (int from = 0; from < subjects; from += batch) {
				int to = Math.min(subjects, from + batch);
				StringBuilder subjectRows = new StringBuilder();
				StringBuilder consentRows = new StringBuilder();
				for (int i = from; i < to; i++) {
					String subject = fillerPseudonym(i);
					subjectRows.append(subject).append('\n');
					for (int c = 0; c < perSubject; c++) {
						List<String> route = ROUTES.get(c % ROUTES.size());
						consentRows.append(UUID.randomUUID())
							.append(',')
							.append(subject)
							.append(',')
							.append(route.get(0))
							.append(",1,")
							.append(route.get(1))
							.append(",\"{")
							.append(route.get(2))
							.append("}\",\"{")
							.append(route.get(3))
							.append("}\",")
							.append(grantedAt)
							.append(',')
							.append(validUntil)
							.append(",on-behalf-paper,cm-coa,archive-")
							.append(i)
							.append(",nl,")
							.append("0".repeat(64))
							.append(",active,")
							.append(statement)
							.append(',')
							.append(kid)
							.append('\n');
					}
				}
				pg.getCopyAPI().copyIn("copy consent_subject (pseudonym) from stdin", reader(subjectRows));
				pg.getCopyAPI()
					.copyIn("copy consent (id, subject, purpose_code, purpose_version, sender, recipients,"
							+ " document_types, granted_at, valid_until, method, recorded_by, evidence_reference,"
							+ " text_language, text_sha256, status, statement, signing_kid) from stdin with (format csv)",
							reader(consentRows));
				if ((to / batch) % 10 == 0) {
					logger.info("Loaded {} filler subjects", to);
				}
			}
			try (var statement2 = connection.createStatement()) {
				statement2.execute("analyze consent");
				statement2.execute("analyze consent_subject");
			}
		}
	}

	long count(String sql) {
		try (Connection connection = this.pool.getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final List<List<String>> ROUTES = List.of(
			List.of("handover-coa-municipality", "tvs", "raak", "client-profile"),
			List.of("social-guidance-vwn", "tvs", "vvs", "client-profile"),
			List.of("language-course-placement", "tvs", "opstartklas,taalschool-a", "nt2-learner-profile"));

	private static String fillerPseudonym(int i) {
		// Same shape as a real pseudonym (prefix + 43 base64url characters), never a real
		// HMAC.
		String digits = String.format("%043d", i);
		return "bsn_" + digits;
	}

	private static Reader reader(StringBuilder rows) {
		return new StringReader(rows.toString());
	}

	@Override
	public void close() throws IOException {
		this.pool.close();
		this.postgres.close();
	}

}
