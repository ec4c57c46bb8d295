package nl.ketenpoort.gateway.database;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the database's schema with the migrations this gateway carries, for the
 * commands, which never migrate: a command against an older schema is refused instead of
 * running on tables it does not know. It reads the names of the migration files and the
 * schema history table itself rather than loading Flyway, which costs a command about a
 * second of start-up for the same answer.
 */
@Component
public class SchemaVersion {

	private static final Logger log = LoggerFactory.getLogger(SchemaVersion.class);

	// Flyway's default naming: V<version>__<description>.sql, '_' separating the parts.
	private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.*\\.sql");

	private final DataSource dataSource;

	private final List<String> locations;

	@Autowired
	SchemaVersion(SchemaOwner owner, DataSource dataSource, Environment environment) {
		this(owner.dataSource().orElse(dataSource),
				Arrays.asList(Binder.get(environment)
					.bind("spring.flyway.locations", String[].class)
					.orElse(new String[] { "classpath:db/migration" })));
	}

	/**
	 * Compares against the migrations in these Flyway locations
	 * ({@code classpath:db/migration/gateway}, …).
	 * @param dataSource a connection that may read {@code flyway_schema_history}
	 * @param locations Flyway locations on the class path
	 */
	public SchemaVersion(DataSource dataSource, List<String> locations) {
		// The owner can read the schema history; the application role may not.
		this.dataSource = dataSource;
		this.locations = List.copyOf(locations);
	}

	/**
	 * Why the database cannot serve this gateway yet, as one sentence for the operator,
	 * or empty when its schema has every migration of this gateway.
	 */
	public Optional<String> behind() {
		Optional<MigrationVersion> needed = carried().max(Comparator.naturalOrder());
		if (needed.isEmpty()) {
			return Optional.empty();
		}
		List<String> applied;
		try {
			applied = JdbcClient.create(this.dataSource)
				.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
				.query(String.class)
				.list();
		}
		catch (RuntimeException ex) {
			if (!hasHistory()) {
				return Optional.of(behind("none", needed.get()));
			}
			log.warn("Could not read the schema history to compare its version: {}", ex.getMessage());
			return Optional.empty();
		}
		Optional<MigrationVersion> current = applied.stream()
			.map(MigrationVersion::fromVersion)
			.max(Comparator.naturalOrder());
		if (current.isPresent() && current.get().compareTo(needed.get()) >= 0) {
			return Optional.empty();
		}
		return Optional.of(behind(current.map(MigrationVersion::getVersion).orElse("none"), needed.get()));
	}

	private static String behind(String current, MigrationVersion needed) {
		return "The database schema is at version " + current + " and this gateway needs version " + needed.getVersion()
				+ ": start the gateway once (it migrates the schema), then run the command again.";
	}

	private boolean hasHistory() {
		try {
			return JdbcClient.create(this.dataSource)
				.sql("SELECT to_regclass('flyway_schema_history') IS NOT NULL")
				.query(Boolean.class)
				.single();
		}
		catch (RuntimeException ex) {
			// Unreachable or not allowed: not a reason to call the schema old.
			return true;
		}
	}

	/** The versions of the migration files this gateway carries. */
	private Stream<MigrationVersion> carried() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				getClass().getClassLoader());
		return this.locations.stream().flatMap((location) -> {
			String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
			try {
				return Arrays.stream(resolver.getResources("classpath*:" + folder + "/**/V*__*.sql"));
			}
			catch (IOException ex) {
				log.warn("Could not list the migrations in {}: {}", location, ex.getMessage());
				return Stream.<Resource>empty();
			}
		})
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.map(VERSIONED::matcher)
			.filter(Matcher::matches)
			.map((matcher) -> MigrationVersion.fromVersion(matcher.group(1).replace('_', '.')));
	}

}
