package nl.ketenpoort.gateway.demo;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo-only table that names the fictional status holders: display name, the V-number
 * generated for them once, language and country. The consent registry itself knows them
 * only by pseudonym.
 */
class DemoSubjects {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	DemoSubjects(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One fictional status holder as listed.
	 *
	 * @param displayName the name to show
	 * @param vNumber their generated V-number
	 * @param language the language of origin (and of the consent texts they read)
	 * @param country the country of origin
	 * @param seededAt when their consents and documents were seeded, if so
	 */
	record DemoSubject(String displayName, String vNumber, String language, String country,
			@Nullable Instant seededAt) {

		@Override
		public String toString() {
			return "DemoSubject[" + this.language + "]";
		}

	}

	/** The holder's row, made with a new V-number on first sight. */
	DemoSubject ensure(String displayName, String language, String country) {
		Optional<DemoSubject> existing = find(displayName);
		if (existing.isPresent()) {
			return existing.get();
		}
		// A ten-digit number not starting with 0; a clash with another demo holder is
		// retried by the unique constraint losing the insert.
		for (int attempt = 0; attempt < 5; attempt++) {
			String vNumber = String.valueOf(1_000_000_000L + (long) (this.random.nextDouble() * 8_999_999_999L));
			int inserted = this.jdbc.sql("""
					INSERT INTO demo_subject (display_name, v_number, language, country, created_at)
					VALUES (:name, :vNumber, :language, :country, :now) ON CONFLICT DO NOTHING""")
				.param("name", displayName)
				.param("vNumber", vNumber)
				.param("language", language)
				.param("country", country)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			if (inserted == 1 || find(displayName).isPresent()) {
				return find(displayName).orElseThrow();
			}
		}
		throw new DemoDataFailed("no free V-number was found for a demo status holder");
	}

	Optional<DemoSubject> find(String displayName) {
		return this.jdbc.sql("SELECT * FROM demo_subject WHERE display_name = :name")
			.param("name", displayName)
			.query(DemoSubjects::row)
			.optional();
	}

	List<DemoSubject> all() {
		return this.jdbc.sql("SELECT * FROM demo_subject ORDER BY created_at, display_name")
			.query(DemoSubjects::row)
			.list();
	}

	void markSeeded(String displayName) {
		this.jdbc.sql("UPDATE demo_subject SET seeded_at = :now WHERE display_name = :name")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("name", displayName)
			.update();
	}

	private static DemoSubject row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp seeded = rs.getTimestamp("seeded_at");
		return new DemoSubject(rs.getString("display_name"), rs.getString("v_number"), rs.getString("language"),
				rs.getString("country"), (seeded != null) ? seeded.toInstant() : null);
	}

}
