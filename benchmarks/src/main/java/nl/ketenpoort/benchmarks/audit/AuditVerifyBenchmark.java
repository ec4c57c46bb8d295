package nl.ketenpoort.benchmarks.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ketenpoort.benchmarks.report.BenchmarkOptions;
import nl.ketenpoort.benchmarks.report.BenchmarkReport;

/**
 * Times {@code java -jar ketenpoort-gateway.jar audit verify} over the whole chain
 * against two baselines measured in the same run: {@code SELECT count(*)} and a
 * sequential read of every column of the same rows in the same order over JDBC (what
 * verification must read at least), plus the command's own start-up
 * ({@code audit verify 1 1}).
 *
 * <pre>
 * java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.benchmarks.audit.AuditVerifyBenchmark \
 *   --data-dir ./data --jar gateway/target/ketenpoort-gateway.jar
 * </pre>
 */
public final class AuditVerifyBenchmark {

	private static final Pattern CHECKED = Pattern.compile("Checked (\\d+) audit events");

	private static final double GOAL_EVENTS_PER_SECOND = 100_000;

	private AuditVerifyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = new BenchmarkOptions(args);
		Path dataDir = Path.of(options.get("data-dir", "./data")).toAbsolutePath();
		Path jar = Path.of(options.get("jar", "gateway/target/ketenpoort-gateway.jar"));
		GatewayDatabase database = GatewayDatabase.from(dataDir);
		BenchmarkReport report = new BenchmarkReport();
		report.header("audit verify throughput");
		long events;
		double countSeconds;
		double readSeconds;
		try (Connection connection = database.connect()) {
			countSeconds = seconds(() -> count(connection));
			events = count(connection);
			countSeconds = Math.min(countSeconds, seconds(() -> count(connection)));
			readSeconds = seconds(() -> readAll(connection));
		}
		report.figure("events in audit_event", events, "");
		report.figure("baseline SELECT count(*)", countSeconds, "s");
		report.figure("baseline sequential read (JDBC)", readSeconds, "s");
		report.figure("  = events/s", events / readSeconds, "events/s");
		Run startup = verify(jar, dataDir, List.of("1", "1"));
		Run full = verify(jar, dataDir, List.of());
		report.figure("audit verify 1 1 (start-up)", startup.seconds(), "s");
		report.figure("audit verify (whole chain)", full.seconds(), "s  exit " + full.exit());
		report.line(full.summary());
		double net = Math.max(0.001, full.seconds() - startup.seconds());
		double rate = full.checked() / net;
		report.figure("verify events/s (without start-up)", rate, "events/s");
		report.figure("verify events/s (wall clock)", full.checked() / full.seconds(), "events/s");
		report.figure("ratio verify / sequential read time", net / readSeconds, "x");
		report.line((rate >= GOAL_EVENTS_PER_SECOND) ? "goal >= 100,000 events/s: met"
				: "goal >= 100,000 events/s: NOT met. Profile: KETENPOORT_DATA_DIR=" + dataDir
						+ " java -XX:StartFlightRecording=filename=verify.jfr,settings=profile -jar " + jar
						+ " audit verify; then jfr print --events jdk.ExecutionSample verify.jfr");
		report.line(BenchmarkReport.load());
	}

	private static long count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static long readAll(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		long rows = 0;
		try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM audit_event ORDER BY position")) {
			statement.setFetchSize(5000);
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					rows++;
					for (int i = 1; i <= columns; i++) {
						result.getString(i);
					}
				}
			}
		}
		finally {
			connection.commit();
			connection.setAutoCommit(autoCommit);
		}
		return rows;
	}

	private static Run verify(Path jar, Path dataDir, List<String> range) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"audit", "verify"));
		command.addAll(range);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("KETENPOORT_DATA_DIR", dataDir.toString());
		long started = System.nanoTime();
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		double seconds = (System.nanoTime() - started) / 1e9;
		Matcher matcher = CHECKED.matcher(output);
		long checked = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
		String summary = output.lines()
			.filter((line) -> line.startsWith("Checked") || line.startsWith("The audit chain"))
			.reduce((a, b) -> a + " " + b)
			.orElse(output.length() > 2000 ? output.substring(output.length() - 2000) : output);
		return new Run(seconds, exit, checked, summary);
	}

	private static double seconds(SqlWork work) throws SQLException {
		long started = System.nanoTime();
		work.run();
		return (System.nanoTime() - started) / 1e9;
	}

	private record Run(double seconds, int exit, long checked, String summary) {
	}

	@FunctionalInterface
	private interface SqlWork {

		long run() throws SQLException;

	}

}
