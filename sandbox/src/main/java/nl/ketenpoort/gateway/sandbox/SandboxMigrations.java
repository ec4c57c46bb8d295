package nl.ketenpoort.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates the gateway's schema, then the sandbox's own tables: scripts in
 * {@code classpath:db/migration/sandbox} with a schema history of their own
 * ({@code flyway_schema_history_sandbox}). The product's history never lists a sandbox
 * migration, so the product jar still validates a database that a demo ran on.
 * <p>
 * The sandbox tables that predate the module ({@code V3_60__sandbox.sql},
 * {@code V3_61__demo_subjects.sql}) stay, unchanged, in the gateway's location: they are
 * applied on existing databases, and Flyway refuses to start on a changed or missing
 * applied script.
 */
@Component
class SandboxMigrations implements FlywayMigrationStrategy {

	static final String LOCATION = "classpath:db/migration/sandbox";

	static final String HISTORY = "flyway_schema_history_sandbox";

	private final String location;

	SandboxMigrations() {
		this(LOCATION);
	}

	SandboxMigrations(String location) {
		this.location = location;
	}

	@Override
	public void migrate(Flyway flyway) {
		flyway.migrate();
		migrateSandbox(flyway);
	}

	/**
	 * The sandbox's scripts, on the gateway's database, as its owner; answers how many
	 * were applied.
	 */
	int migrateSandbox(Flyway gateway) {
		if (!hasScripts()) {
			return 0;
		}
		return Flyway.configure(getClass().getClassLoader())
			.configuration(gateway.getConfiguration())
			.locations(this.location)
			.table(HISTORY)
			// The gateway's tables are there already: start this history below V1.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate().migrationsExecuted;
	}

	private boolean hasScripts() {
		try {
			return new PathMatchingResourcePatternResolver(getClass().getClassLoader())
				.getResources(this.location.replace("classpath:", "classpath*:") + "/*.sql").length > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
