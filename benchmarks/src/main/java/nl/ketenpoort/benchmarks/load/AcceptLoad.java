package nl.ketenpoort.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.benchmarks.load.LoadPhase.Result;
import nl.ketenpoort.benchmarks.report.BenchmarkOptions;
import nl.ketenpoort.benchmarks.report.BenchmarkReport;
import nl.ketenpoort.benchmarks.report.BenchmarkReport.Latencies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Load driver of the accept path: as partner {@code tvs} it submits client profiles for
 * the handover to the municipality ({@code POST /api/v1/exchanges}, a new
 * {@code Idempotency-Key} each) to a gateway running the demo profile on this machine,
 * and measures a bare endpoint of the same server ({@code GET /actuator/health/liveness})
 * in alternating rounds of the same run as the baseline.
 *
 * <pre>
 * java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.benchmarks.load.AcceptLoad \
 *   --base http://127.0.0.1:8080 --data-dir ./data --seconds 30 --concurrency 32
 * </pre>
 *
 * Options: {@code --warmup <s>} (10), {@code --rounds <n>} (3),
 * {@code --max-requests <n>} per phase (1,000,000), {@code --v-number <v>} (repeatable:
 * subjects that hold the consent), {@code --grant <n>} (also record the consent for n new
 * subjects as the demo case manager {@code cm-coa}), {@code --baseline-path <path>}, and
 * {@code --wrk-setup
 * <dir>
 * }: write the token and bodies for {@code benchmarks/wrk/accept.lua} and exit.
 */
public final class AcceptLoad {

	static final String PURPOSE = "handover-coa-municipality";

	static final String DOCUMENT_TYPE = "client-profile";

	private static final double GOAL_ACCEPTED_PER_SECOND = 2000;

	private static final double GOAL_ADDED_P99_MILLIS = 10;

	private AcceptLoad() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = new BenchmarkOptions(args);
		URI base = URI.create(options.get("base", "http://127.0.0.1:8080"));
		if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("The load driver only runs against a gateway on this machine");
		}
		Path dataDir = Path.of(options.get("data-dir", "./data"));
		double seconds = Double.parseDouble(options.get("seconds", "30"));
		double warmup = Double.parseDouble(options.get("warmup", "10"));
		int rounds = options.getInt("rounds", 3);
		int concurrency = options.getInt("concurrency", 32);
		long budget = Long.parseLong(options.get("max-requests", "1000000"));
		// Not /actuator/health: its database check borrows a connection from the same
		// pool
		// the accept path waits on, so under load it is slower than the path it should
		// be the floor of. The liveness group touches nothing but the server.
		String baselinePath = options.get("baseline-path", "/actuator/health/liveness");
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		BenchmarkReport report = new BenchmarkReport();
		report.header("accept path load: POST /api/v1/exchanges vs GET " + baselinePath);

		List<String> vNumbers = subjects(options, http, base, dataDir, report);
		PartnerTokens tokens = new PartnerTokens(http, base, "tvs", "exchange:send:" + DOCUMENT_TYPE,
				dataDir.resolve("keys/partners/tvs.jwk"));
		List<String> bodies = bodies(vNumbers);
		if (!options.all("wrk-setup").isEmpty()) {
			writeWrkSetup(Path.of(options.get("wrk-setup", "target/wrk")), tokens.current(), bodies, report);
			return;
		}
		String run = UUID.randomUUID().toString().substring(0, 8);
		URI exchanges = base.resolve("/api/v1/exchanges");
		URI bare = base.resolve(baselinePath);
		LoadPhase.Requests submit = (client, n) -> HttpRequest.newBuilder(exchanges)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + tokens.current())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "load-" + run + "-" + client + "-" + n)
			.POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) ((client + n) % bodies.size()))))
			.build();
		LoadPhase.Requests health = (client, n) -> HttpRequest.newBuilder(bare).timeout(Duration.ofSeconds(30)).build();

		report.line("subjects " + vNumbers.size() + ", clients " + concurrency + ", " + rounds + " rounds of "
				+ (seconds / rounds) + " s each per endpoint, warm-up " + warmup + " s");
		Result warmAccept = LoadPhase.run(http, concurrency, warmup / 2, budget, 202, submit);
		LoadPhase.run(http, concurrency, warmup / 2, budget, 200, health);
		report.line("warm-up: " + warmAccept.samples().length + " accepted, statuses " + warmAccept.statuses());
		Result baseline = null;
		Result accept = null;
		for (int round = 0; round < rounds; round++) {
			Result b = LoadPhase.run(http, concurrency, seconds / rounds, budget, 200, health);
			Result a = LoadPhase.run(http, concurrency, seconds / rounds, budget, 202, submit);
			baseline = (baseline != null) ? baseline.and(b) : b;
			accept = (accept != null) ? accept.and(a) : a;
		}
		report(report, baseline, accept, baselinePath);
	}

	private static void report(BenchmarkReport report, Result baseline, Result accept, String baselinePath) {
		Latencies base = baseline.latencies();
		Latencies acc = accept.latencies();
		report.figure("baseline GET " + baselinePath + " /s", baseline.perSecond(), "req/s");
		report.latencies("baseline latency", base);
		report.figure("accepted/s (202)", accept.perSecond(), "exchanges/s");
		report.latencies("accept latency", acc);
		report.line("accept statuses " + accept.statuses() + ", baseline statuses " + baseline.statuses());
		accept.failures().forEach((failure) -> report.line("  unexpected: " + failure));
		double addedP50 = (acc.p50() - base.p50()) / 1e6;
		double addedP99 = (acc.p99() - base.p99()) / 1e6;
		report.figure("added latency p50", addedP50, "ms");
		report.figure("added latency p99", addedP99, "ms");
		report.figure("ratio p50 accept / baseline", (double) acc.p50() / Math.max(1, base.p50()), "x");
		report.figure("ratio p99 accept / baseline", (double) acc.p99() / Math.max(1, base.p99()), "x");
		report.figure("ratio throughput baseline / accept", baseline.perSecond() / Math.max(1e-9, accept.perSecond()),
				"x");
		if (addedP50 < 0) {
			report.line("WARNING: the baseline is slower than the accept path, so it is not a bare endpoint;"
					+ " the added latency and its goal mean nothing in this run (try --baseline-path"
					+ " /actuator/health/liveness)");
		}
		boolean rate = accept.perSecond() >= GOAL_ACCEPTED_PER_SECOND;
		boolean added = addedP50 >= 0 && addedP99 <= GOAL_ADDED_P99_MILLIS;
		report.line("goal >= 2,000 accepted/s: " + (rate ? "met" : "NOT met") + "; goal p99 added <= 10 ms: "
				+ (added ? "met" : "NOT met"));
		if (!rate || !added) {
			report.line("profile hint: while this driver runs, record the gateway and read the top frames:");
			report.line("  jcmd <gateway pid> JFR.start duration=30s filename=accept.jfr settings=profile");
			report.line(
					"  jfr print --stack-depth 64 --events jdk.ExecutionSample accept.jfr | grep -A1 'stackTrace = \\[' | grep -v"
							+ " stackTrace | sort | uniq -c | sort -rn | head -40");
			report.line("  (or start the gateway with -XX:StartFlightRecording=filename=accept.jfr,settings=profile)");
		}
		report.line(BenchmarkReport.load());
	}

	private static List<String> subjects(BenchmarkOptions options, HttpClient http, URI base, Path dataDir,
			BenchmarkReport report) throws IOException, InterruptedException {
		List<String> vNumbers = new ArrayList<>(options.all("v-number"));
		if (vNumbers.isEmpty()) {
			vNumbers.addAll(DemoSubjects.withConsent(http, base, PURPOSE, "tvs", "raak", DOCUMENT_TYPE));
			report.line("GET /sandbox/subjects: " + vNumbers.size() + " subjects with consent for " + PURPOSE);
		}
		int grant = options.getInt("grant", 0);
		// Also beside the demo's subjects: deliveries keep each subject's order towards a
		// recipient, so one subject's exchanges go out one at a time, and a run with few
		// subjects measures that order rather than the gateway.
		if (grant > 0) {
			vNumbers.addAll(new CaseManagerGrants(base).grant(dataDir, options.get("grant-user", "cm-coa"), grant,
					PURPOSE, "tvs", "raak", DOCUMENT_TYPE));
			report.line("recorded the consent for " + grant + " new subjects as a case manager");
		}
		if (vNumbers.isEmpty()) {
			throw new IllegalStateException("No subject with consent for " + PURPOSE + ": pass --v-number <v> or"
					+ " --grant <n>, or run the gateway with SPRING_PROFILES_ACTIVE=demo");
		}
		return vNumbers;
	}

	/**
	 * What {@code benchmarks/wrk/accept.lua} sends, for measuring with {@code wrk}, a
	 * tool this project did not write: the access token (valid for five minutes) and one
	 * request body per subject, one per line.
	 */
	private static void writeWrkSetup(Path directory, String token, List<String> bodies, BenchmarkReport report)
			throws IOException {
		java.nio.file.Files.createDirectories(directory);
		java.nio.file.Files.writeString(directory.resolve("token"), token);
		java.nio.file.Files.write(directory.resolve("bodies.jsonl"), bodies);
		report.line("wrote " + directory.resolve("token") + " and " + bodies.size() + " bodies to "
				+ directory.resolve("bodies.jsonl") + "; now: wrk -s benchmarks/wrk/accept.lua ... (see"
				+ " docs/benchmarks.md)");
	}

	private static List<String> bodies(List<String> vNumbers) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode document;
		try (@Nullable
		InputStream in = AcceptLoad.class.getClassLoader()
			.getResourceAsStream("examples/client-profile/valid/amira-al-khatib-syria.json")) {
			if (in == null) {
				throw new IllegalStateException("The client-profile example is missing from the class path");
			}
			document = (ObjectNode) json.readTree(in);
		}
		List<String> bodies = new ArrayList<>();
		for (String vNumber : vNumbers) {
			ObjectNode request = json.createObjectNode();
			request.put("documentType", DOCUMENT_TYPE);
			request.put("purpose", PURPOSE);
			request.put("recipient", "raak");
			request.putObject("subject").put("vNumber", vNumber);
			ObjectNode copy = document.deepCopy();
			copy.putObject("subject").put("vNumber", vNumber);
			request.set("document", copy);
			bodies.add(request.toString());
		}
		return bodies;
	}

}
