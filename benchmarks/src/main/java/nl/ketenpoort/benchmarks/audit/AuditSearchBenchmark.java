package nl.ketenpoort.benchmarks.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import nl.ketenpoort.benchmarks.report.BenchmarkOptions;
import nl.ketenpoort.benchmarks.report.BenchmarkReport;
import nl.ketenpoort.benchmarks.report.BenchmarkReport.Latencies;

/**
 * Latency of the privacy officer's subject search (the query of the gateway's
 * {@code AuditQueries.search}: one subject, restricted to the officer's partners, newest
 * first, one page) for random subjects of the audit log, against a primary-key lookup of
 * one full row in the same run.
 *
 * <pre>
 * java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.benchmarks.audit.AuditSearchBenchmark \
 *   --data-dir ./data --subjects 200
 * </pre>
 */
public final class AuditSearchBenchmark {

	/**
	 * Kept equal to {@code AuditQueries.search} with a subject and a partner restriction.
	 */
	static final String SEARCH = "SELECT * FROM audit_event WHERE true"
			+ " AND (sender = ANY(?) OR recipient = ANY(?) OR actor_organisation = ?) AND subject_ref = ?"
			+ " ORDER BY position DESC LIMIT ? OFFSET ?";

	static final String LOOKUP = "SELECT * FROM audit_event WHERE position = ?";

	private static final double GOAL_MILLIS = 50;

	private AuditSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = new BenchmarkOptions(args);
		GatewayDatabase database = GatewayDatabase.from(Path.of(options.get("data-dir", "./data")));
		int subjects = options.getInt("subjects", 200);
		int pageSize = options.getInt("size", 50);
		String[] partners = options.get("partners", "tvs").split(",");
		String organisation = options.get("organisation", "coa");
		BenchmarkReport report = new BenchmarkReport();
		report.header("audit subject search");
		try (Connection connection = database.connect()) {
			long head = head(connection);
			SplittableRandom random = new SplittableRandom(options.getInt("seed", 9));
			long[] positions = new long[subjects];
			for (int i = 0; i < subjects; i++) {
				positions[i] = 1 + random.nextLong(head);
			}
			List<String> refs = new ArrayList<>();
			long[] lookups = new long[subjects];
			long[] warmLookups = new long[subjects];
			try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
				for (int i = 0; i < subjects; i++) {
					lookups[i] = timed(lookup, positions[i], refs);
				}
				for (int i = 0; i < subjects; i++) {
					warmLookups[i] = timed(lookup, positions[i], null);
				}
			}
			long[] searches = new long[refs.size()];
			long[] warmSearches = new long[refs.size()];
			long rows = 0;
			try (PreparedStatement search = connection.prepareStatement(SEARCH)) {
				search.setArray(1, connection.createArrayOf("text", partners));
				search.setArray(2, connection.createArrayOf("text", partners));
				search.setString(3, organisation);
				search.setInt(5, pageSize);
				search.setLong(6, 0);
				for (int pass = 0; pass < 2; pass++) {
					long[] into = (pass == 0) ? searches : warmSearches;
					for (int i = 0; i < refs.size(); i++) {
						search.setString(4, refs.get(i));
						long started = System.nanoTime();
						try (ResultSet result = search.executeQuery()) {
							while (result.next()) {
								rows++;
							}
						}
						into[i] = System.nanoTime() - started;
					}
				}
			}
			Latencies baseline = Latencies.of(warmLookups, subjects);
			Latencies warm = Latencies.of(warmSearches, refs.size());
			report.figure("events in the chain (head position)", head, "");
			report.figure("subjects searched", refs.size(), "");
			report.figure("rows returned per search (mean)", rows / 2.0 / Math.max(1, refs.size()), "");
			report.latencies("baseline PK lookup, first pass", Latencies.of(lookups, subjects));
			report.latencies("baseline PK lookup", baseline);
			report.latencies("subject search, first pass", Latencies.of(searches, refs.size()));
			report.latencies("subject search", warm);
			report.figure("ratio p50 search / lookup", (double) warm.p50() / Math.max(1, baseline.p50()), "x");
			report.figure("ratio p99 search / lookup", (double) warm.p99() / Math.max(1, baseline.p99()), "x");
			report.line((warm.p99() / 1e6 <= GOAL_MILLIS) ? "goal p99 <= 50 ms: met" : "goal p99 <= 50 ms: NOT met");
			if (!refs.isEmpty()) {
				plan(connection, refs.get(0), partners, organisation, pageSize, report);
			}
		}
		report.line(BenchmarkReport.load());
	}

	private static long head(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT coalesce(max(position), 0) FROM audit_event")) {
			result.next();
			long head = result.getLong(1);
			if (head == 0) {
				throw new IllegalStateException(
						"The audit log is empty: generate events first (see docs/benchmarks.md)");
			}
			return head;
		}
	}

	private static long timed(PreparedStatement lookup, long position, @Nullable List<String> refs)
			throws SQLException {
		lookup.setLong(1, position);
		long started = System.nanoTime();
		@Nullable String subject = null;
		try (ResultSet result = lookup.executeQuery()) {
			if (result.next()) {
				subject = result.getString("subject_ref");
			}
		}
		long elapsed = System.nanoTime() - started;
		if (refs != null && subject != null) {
			refs.add(subject);
		}
		return elapsed;
	}

	private static void plan(Connection connection, String subject, String[] partners, String organisation,
			int pageSize, BenchmarkReport report) throws SQLException {
		try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + SEARCH)) {
			explain.setArray(1, connection.createArrayOf("text", partners));
			explain.setArray(2, connection.createArrayOf("text", partners));
			explain.setString(3, organisation);
			explain.setString(4, subject);
			explain.setInt(5, pageSize);
			explain.setLong(6, 0);
			report.line("plan of one search:");
			try (ResultSet result = explain.executeQuery()) {
				while (result.next()) {
					report.line("  " + result.getString(1));
				}
			}
		}
	}

}
