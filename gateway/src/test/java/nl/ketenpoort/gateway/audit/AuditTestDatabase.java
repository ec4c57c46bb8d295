package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ketenpoort.keys.KeyRings;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.audit.internal.AuditEpochs;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;

/**
 * A real PostgreSQL with the gateway's migrations for the audit tests, reached as the
 * superuser: with triggers on (as the owner would meet them) or, to tamper, with triggers
 * switched off.
 */
final class AuditTestDatabase implements AutoCloseable {

	/** The origin of the test databases' audit logs, in their signed-note checkpoints. */
	static final String ORIGIN = "ketenpoort.test/audit";

	private final EmbeddedPostgres postgres;

	private final DataSource dataSource;

	private final HikariDataSource pool;

	private AuditTestDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		this.dataSource = postgres.getPostgresDatabase();
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration/keys", "classpath:db/migration/gateway")
			.load()
			.migrate();
		HikariConfig pool = new HikariConfig();
		pool.setDataSource(this.dataSource);
		pool.setMaximumPoolSize(4);
		this.pool = new HikariDataSource(pool);
	}

	static AuditTestDatabase start() throws IOException {
		return new AuditTestDatabase(EmbeddedPostgres.builder().start());
	}

	/** A new connection per call: for tests that change session settings. */
	DataSource dataSource() {
		return this.dataSource;
	}

	/** Pooled, as the gateway's own connections are. */
	JdbcClient jdbc() {
		return JdbcClient.create(this.pool);
	}

	/** Empties every audit table, as a superuser may. */
	void empty() {
		tamper("TRUNCATE audit_event, audit_staged, audit_tree_node, audit_cosignature, audit_checkpoint, audit_pruned_range, audit_pruning, audit_tail_anchor");
	}

	/**
	 * Stores an accepted exchange row as the outbox would, with placeholder values: for
	 * tests of the audit references an exchange keeps.
	 */
	void insertExchange(UUID id) {
		jdbc()
			.sql("INSERT INTO exchange (id, sender, recipient, document_type, purpose, legal_basis, consent_id,"
					+ " subject_ref, idempotency_key, request_sha256, payload_sha256, field_names, status, trace_id,"
					+ " accepted_at, status_changed_at, next_attempt_at) VALUES (?, 'tvs', 'raak', 'client-profile',"
					+ " 'handover-coa-municipality', 'GDPR 6(1)(a)', ?, 'sub-test', ?, ?, ?, '{}', 'accepted', ?,"
					+ " now(), now(), now())")
			.params(id, UUID.randomUUID(), id.toString(), "0".repeat(64), "0".repeat(64), "0".repeat(32))
			.update();
	}

	/** Runs SQL as a superuser with the append-only triggers switched off. */
	void tamper(String sql) {
		tamper(this.dataSource, sql);
	}

	/**
	 * Runs a statement as a superuser with the triggers switched off, on any database.
	 */
	static void tamper(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET session_replication_role = replica");
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Inserts a forged row as a superuser with the triggers switched off. */
	void tamperInsert(AuditRecord record) {
		tamperInsert(this.dataSource, record);
	}

	/**
	 * Inserts a forged row as a superuser with the triggers switched off, on any
	 * database.
	 */
	static void tamperInsert(DataSource dataSource, AuditRecord record) {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute("SET session_replication_role = replica");
			AuditRows.insert(JdbcClient.create(new SingleConnectionDataSource(connection, true)), record);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The audit log's parts over this database, wired as the gateway wires them. */
	record Parts(JdbcClient jdbc, AuditSigningKeys keys, AuditCheckpoints checkpoints, PrunedRanges pruned,
			AuditEpochs epochs, AuditChainVerifier verifier, AuditChainer chainer, DataSource pool) {

		/** The trail, chaining each append made outside a transaction at once. */
		ChainingTrail trail(Clock clock) {
			return new ChainingTrail(this.pool, clock, this.chainer);
		}

	}

	Parts parts(AuditSettings settings) {
		JdbcClient jdbc = jdbc();
		AuditSigningKeys keys = new AuditSigningKeys(
				new KeyRings(this.pool, new DataSourceTransactionManager(this.pool), Clock.systemUTC()), settings);
		AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc, keys, Clock.systemUTC(), settings);
		PrunedRanges pruned = new PrunedRanges(jdbc, keys);
		AuditEpochs epochs = new AuditEpochs(keys);
		return new Parts(jdbc, keys, checkpoints, pruned, epochs,
				new AuditChainVerifier(jdbc, checkpoints, pruned, epochs, settings),
				new AuditChainer(this.pool, epochs, FaultPoints.none(), Clock.systemUTC(), settings), this.pool);
	}

	AuditRecord row(long position) {
		return jdbc().sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE position = ?")
			.param(position)
			.query(AuditRows.MAPPER)
			.single();
	}

	@Override
	public void close() throws IOException {
		this.pool.close();
		this.postgres.close();
	}

}
