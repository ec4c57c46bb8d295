package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.system.FaultPoints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends race each other from many threads and from two gateway nodes (each with its own
 * connection pool, as separate processes have) on one database: the chain has no gaps and
 * verifies.
 */
class AuditConcurrencyIntegrationTests {

	private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static AuditTestDatabase database;

	private final AuditSettings settings = new AuditSettings(1000, Duration.ofMinutes(1), KEY_ENCRYPTION_KEY, 50, 500,
			Duration.ofMillis(100), AuditTestDatabase.ORIGIN);

	@BeforeAll
	static void startDatabase() throws IOException {
		database = AuditTestDatabase.start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		database.close();
	}

	@BeforeEach
	void emptyChain() {
		database.empty();
	}

	@Test
	void eightThreadsAppendOneChain() throws Exception {
		try (Node node = new Node(8)) {
			runAtOnce(8, 50, List.of(node));
		}

		assertChainOf(8 * 50);
	}

	@Test
	void twoGatewayNodesAppendOneChain() throws Exception {
		try (Node first = new Node(4); Node second = new Node(4)) {
			runAtOnce(8, 50, List.of(first, second));
		}

		assertChainOf(8 * 50);
	}

	private void runAtOnce(int threads, int appendsEach, List<Node> nodes) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Node node = nodes.get(t % nodes.size());
				int thread = t;
				work.add(() -> {
					for (int i = 0; i < appendsEach; i++) {
						int n = thread * appendsEach + i;
						// as in the gateway: the append belongs to the transaction of the
						// change
						node.transactions.executeWithoutResult((status) -> node.trail.append(sampleEvent(n)));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(work)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertChainOf(long events) {
		JdbcClient jdbc = database.jdbc();
		ChainVerification result = database.parts(this.settings).verifier().verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(events);
		assertThat(jdbc.sql("SELECT min(position), max(position), count(DISTINCT prev_hash) FROM audit_event")
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single()).containsExactly(1L, events, events);
	}

	private static AuditEvent sampleEvent(int n) {
		return AuditChainIntegrationTests.sampleEvent(n);
	}

	/** One gateway node: its own connection pool, transactions and audit trail. */
	private static final class Node implements AutoCloseable {

		private final HikariDataSource pool;

		private final TransactionTemplate transactions;

		private final AuditTrail trail;

		private final AuditChainer chainer;

		Node(int connections) {
			HikariConfig config = new HikariConfig();
			config.setDataSource(database.dataSource());
			config.setMaximumPoolSize(connections);
			this.pool = new HikariDataSource(config);
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.pool));
			AuditSettings settings = new AuditSettings(1000, Duration.ofMinutes(1), KEY_ENCRYPTION_KEY, 50, 500,
					Duration.ofMillis(100), AuditTestDatabase.ORIGIN);
			// each node with its chainer running, as in the gateway
			this.chainer = new AuditChainer(this.pool, database.parts(settings).epochs(), FaultPoints.none(),
					Clock.systemUTC(), settings);
			this.chainer.start();
			this.trail = new AuditTrail(JdbcClient.create(this.pool), Clock.systemUTC(), this.chainer,
					FaultPoints.none());
		}

		@Override
		public void close() {
			this.chainer.stop();
			this.pool.close();
		}

	}

}
