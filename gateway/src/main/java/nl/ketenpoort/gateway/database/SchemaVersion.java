package nl.ketenpoort.gateway.database;

import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Compares the database's schema with the migrations this gateway carries, for the
 * commands, which never migrate: a command against an older schema is refused instead of
 * running on tables it does not know.
 */
@Component
public class SchemaVersion {

	private static final Logger log = LoggerFactory.getLogger(SchemaVersion.class);

	private final DataSource dataSource;

	private final String[] locations;

	SchemaVersion(SchemaOwner owner, DataSource dataSource, Environment environment) {
		// The owner can read the schema history; the application role may not.
		this.dataSource = owner.dataSource().orElse(dataSource);
		this.locations = Binder.get(environment)
			.bind("spring.flyway.locations", String[].class)
			.orElse(new String[] { "classpath:db/migration" });
	}

	/**
	 * Why the database cannot serve this gateway yet, as one sentence for the operator,
	 * or empty when its schema has every migration of this gateway.
	 */
	public Optional<String> behind() {
		MigrationInfoService info;
		try {
			info = Flyway.configure(getClass().getClassLoader())
				.dataSource(this.dataSource)
				.locations(this.locations)
				.load()
				.info();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the schema history to compare its version: {}", ex.getMessage());
			return Optional.empty();
		}
		MigrationInfo[] pending = info.pending();
		if (pending.length == 0) {
			return Optional.empty();
		}
		MigrationInfo current = info.current();
		return Optional.of("The database schema is at version " + ((current != null) ? current.getVersion() : "none")
				+ " and this gateway needs version " + pending[pending.length - 1].getVersion()
				+ ": start the gateway once (it migrates the schema), then run the command again.");
	}

}
