package nl.ketenpoort.benchmarks.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import nl.ketenpoort.benchmarks.report.BenchmarkOptions;
import nl.ketenpoort.benchmarks.report.BenchmarkReport;
import nl.ketenpoort.benchmarks.report.BenchmarkReport.Latencies;
import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.audit.internal.AuditTreeNodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Latency of an inclusion proof as {@code GET /api/v1/audit/events/{id}/proof} makes it
 * (the event by its id, then every subtree hash of its audit path in one query, as
 * {@link AuditTreeNodes#withSubtrees} reads them) for random events of the audit log,
 * against a primary-key lookup of the event in the same run. Every proof is also checked
 * against the tree's root, outside the timing. Needs the tree built ({@code audit
 * build-tree}).
 *
 * <pre>
 * java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.benchmarks.audit.AuditProofBenchmark \
 *   --data-dir ./data --events 2000
 * </pre>
 */
public final class AuditProofBenchmark {

	static final String LOOKUP = "SELECT * FROM audit_event WHERE position = ?";

	static final String BY_ID = "SELECT position, hash FROM audit_event WHERE event_id = ?";

	private static final double GOAL_RATIO = 3;

	private static final HexFormat HEX = HexFormat.of();

	private AuditProofBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = new BenchmarkOptions(args);
		GatewayDatabase database = GatewayDatabase.from(Path.of(options.get("data-dir", "./data")));
		int count = options.getInt("events", 2000);
		BenchmarkReport report = new BenchmarkReport();
		report.header("audit inclusion proof");
		try (Connection connection = database.connect()) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			long size = AuditTreeNodes.size(jdbc);
			if (size == 0) {
				throw new IllegalStateException("The audit tree is empty: run audit build-tree first");
			}
			byte[] root = AuditTreeNodes.withSubtrees(jdbc, (tree) -> AuditTree.root(tree, size));
			SplittableRandom random = new SplittableRandom(options.getInt("seed", 11));
			long[] positions = new long[count];
			String[] ids = new String[count];
			try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
				for (int i = 0; i < count; i++) {
					positions[i] = 1 + random.nextLong(size);
					lookup.setLong(1, positions[i]);
					try (ResultSet row = lookup.executeQuery()) {
						row.next();
						ids[i] = row.getString("event_id");
					}
				}
			}
			// two passes each, alternating, the second of each reported: the first warms
			long[] lookups = new long[count];
			long[] proofs = new long[count];
			int verified = 0;
			try (PreparedStatement lookup = connection.prepareStatement(LOOKUP);
					PreparedStatement byId = connection.prepareStatement(BY_ID)) {
				for (int pass = 0; pass < 2; pass++) {
					for (int i = 0; i < count; i++) {
						long started = System.nanoTime();
						lookup.setLong(1, positions[i]);
						try (ResultSet row = lookup.executeQuery()) {
							row.next();
							row.getString("hash");
						}
						lookups[i] = System.nanoTime() - started;

						started = System.nanoTime();
						byId.setObject(1, java.util.UUID.fromString(ids[i]));
						long position;
						String hash;
						try (ResultSet row = byId.executeQuery()) {
							row.next();
							position = row.getLong(1);
							hash = row.getString(2);
						}
						long index = position - 1;
						List<byte[]> proof = AuditTreeNodes.withSubtrees(jdbc,
								(tree) -> AuditTree.inclusionProof(tree, index, size));
						proofs[i] = System.nanoTime() - started;
						if (pass == 1 && AuditTree.verifyInclusion(index, size, AuditTree.leafHash(HEX.parseHex(hash)),
								proof, root)) {
							verified++;
						}
					}
				}
			}
			Latencies baseline = Latencies.of(lookups, count);
			Latencies proof = Latencies.of(proofs, count);
			report.figure("leaves in the audit tree", size, "");
			report.figure("events proved", count, "");
			report.figure("proofs that verify against the root", verified, "");
			report.latencies("baseline PK lookup of the event", baseline);
			report.latencies("inclusion proof (event by id + audit path)", proof);
			double ratio = (double) proof.p99() / Math.max(1, baseline.p99());
			report.figure("ratio p50 proof / lookup", (double) proof.p50() / Math.max(1, baseline.p50()), "x");
			report.figure("ratio p99 proof / lookup", ratio, "x");
			report.line((ratio <= GOAL_RATIO) ? "goal p99 <= 3 x lookup: met" : "goal p99 <= 3 x lookup: NOT met");
		}
		report.line(BenchmarkReport.load());
	}

}
