package nl.ketenpoort.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL per test JVM, migrated once with the registry's migrations;
 * tests reset the tables instead of starting another server.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	/** The shared database, started and migrated on first use. */
	public static synchronized DataSource dataSource() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is going away; the temporary data directory is removed with
					// it.
				}
			}));
			Flyway.configure()
				.dataSource(postgres.getPostgresDatabase())
				.locations("classpath:db/migration/keys", "classpath:db/migration/consent-registry")
				.load()
				.migrate();
		}
		return postgres.getPostgresDatabase();
	}

	/**
	 * A second, independent connection source to the same database, as another node would
	 * have.
	 */
	public static DataSource independentDataSource() {
		dataSource();
		PGSimpleDataSource other = new PGSimpleDataSource();
		other.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
		return other;
	}

	/**
	 * A new, empty database on the same server, for a test that must not touch the shared
	 * one (a migration from an older schema, for instance); not migrated.
	 */
	public static DataSource freshDatabase(String name) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return postgres.getDatabase("postgres", name);
	}

	/** Empty every registry table; the append-only trigger is bypassed only for this. */
	public static void reset() {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			statement.execute(
					"truncate consent_duplicate_merged, consent_active_scope, consent_history, consent, signing_key, consent_subject_identifier,"
							+ " consent_subject");
			statement.execute("reset session_replication_role");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
