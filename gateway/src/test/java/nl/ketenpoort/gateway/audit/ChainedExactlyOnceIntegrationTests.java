package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.system.FaultPoints.Point;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit, exactly once: gateway nodes as separate processes (the packaged jar, the
 * {@code test} profile arming one fault point each) on this test's database, each killed
 * with SIGKILL at one of the places where a crash could lose or double an audit event —
 * after the exchange and its staged event committed, in the middle of a chain batch,
 * after a chain batch committed, while signing a checkpoint — with at least three nodes
 * running each time (five started at once, and this test's own gateway). Afterwards every
 * accepted exchange has exactly one chained {@code accepted} event, nothing is left
 * staged, and the chain and its checkpoints verify.
 */
class ChainedExactlyOnceIntegrationTests extends GatewayIntegrationTest {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChainVerifier chain;

	@Autowired
	AuditCheckpoints checkpoints;

	private final List<Node> nodes = Collections.synchronizedList(new ArrayList<>());

	private final List<String> answered = Collections.synchronizedList(new ArrayList<>());

	private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	DeliveryWorker delivery;

	private Instant start;

	@AfterEach
	void killTheNodesAndDeliverWhatTheyAccepted() throws InterruptedException {
		this.nodes.forEach((node) -> node.process().destroyForcibly());
		// the shared gateway delivers only when a test asks it to: leave no backlog of
		// accepted exchanges in front of the next test's
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		waitUntil(Duration.ofSeconds(60), () -> {
			this.delivery.runOnce();
			return jdbc
				.sql("SELECT count(*) FROM exchange WHERE status IN ('accepted', 'delivering') AND accepted_at >= ?")
				.param(Timestamp.from(this.start))
				.query(Long.class)
				.single() == 0;
		});
	}

	@Test
	void everyAcceptedExchangeIsChainedOnceWhereverANodeDies() throws Exception {
		this.start = Instant.now().minusSeconds(1);
		List<String> vNumbers = statusHoldersWithConsent(20);
		String token = this.tokens.partner("tvs");

		// four nodes, each halting at its own point, and one that runs through; with
		// this test's gateway, at least three nodes run whenever one is killed
		List<Node> armed = startNodes(Point.AUDIT_STAGED_COMMITTED, Point.AUDIT_CHAIN_MID_BATCH,
				Point.AUDIT_CHAIN_COMMITTED, Point.AUDIT_CHECKPOINT_SIGNING, null);
		Node survivor = armed.get(4);
		submitUntilAllHalted(armed.subList(0, 4), armed, vNumbers, token);
		for (int i = 0; i < 20; i++) {
			submit(survivor, vNumbers.get(i % vNumbers.size()), token);
		}

		// the survivor and this test's gateway chain what the killed nodes staged
		waitUntil(Duration.ofSeconds(60), () -> staged() == 0);
		survivor.process().destroy();

		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		List<Map<String, Object>> accepted = jdbc
			.sql("SELECT e.id, (SELECT count(*) FROM audit_event a WHERE a.exchange_id = e.id"
					+ " AND a.event_type = 'accepted') AS chained FROM exchange e WHERE e.accepted_at >= ?")
			.param(Timestamp.from(this.start))
			.query()
			.listOfRows();
		assertThat(this.unexpected).as("answers other than 202").isEmpty();
		assertThat(accepted).as("exchanges accepted through the nodes").hasSizeGreaterThanOrEqualTo(20);
		assertThat(accepted.stream().map((row) -> row.get("id").toString())).as("every exchange answered 202 is stored")
			.containsAll(this.answered);
		assertThat(accepted)
			.allSatisfy((row) -> assertThat(row.get("chained")).as("chained accepted events of %s", row.get("id"))
				.isEqualTo(1L));
		assertThat(staged()).isZero();
		ChainVerification verification = this.chain.verify();
		// verification confirms every signed checkpoint against the chain too
		assertThat(verification.intact()).as("the chain and its checkpoints after four kills").isTrue();
		assertThat(this.checkpoints.all()).as("checkpoints signed by the surviving nodes").isNotEmpty();
	}

	/**
	 * Submits to every live node of {@code cluster} until each of {@code halting} printed
	 * its fault point and was killed.
	 */
	private void submitUntilAllHalted(List<Node> halting, List<Node> cluster, List<String> vNumbers, String token)
			throws Exception {
		AtomicBoolean done = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(6);
		try {
			for (int c = 0; c < 6; c++) {
				clients.submit(() -> {
					while (!done.get()) {
						List<Node> live = cluster.stream().filter((node) -> node.process().isAlive()).toList();
						if (live.isEmpty()) {
							return;
						}
						int n = next.getAndIncrement();
						submit(live.get(n % live.size()), vNumbers.get(n % vNumbers.size()), token);
					}
				});
			}
			for (Node node : halting) {
				waitUntil(Duration.ofSeconds(90), () -> node.halted());
				node.process().destroyForcibly().waitFor();
			}
		}
		finally {
			done.set(true);
			clients.shutdown();
			clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	/**
	 * One submission; a node that dies on it leaves its answer unknown, which is fine.
	 */
	private void submit(Node node, String vNumber, String token) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), vNumber));
		try {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(node.uri("/api/v1/exchanges"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(request.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 202) {
				this.answered.add(JSON.readTree(response.body()).get("id").asString());
			}
			else {
				this.unexpected.add(response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			// the node halted or was killed while answering
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> statusHoldersWithConsent(int count) {
		List<String> vNumbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String vNumber = Fixtures.newVNumber();
			this.fixtures.grant(this.subjects.enrol(VNumber.parse(vNumber)), "handover-coa-municipality", "tvs",
					List.of("raak"), DocumentType.of("client-profile"));
			vNumbers.add(vNumber);
		}
		return vNumbers;
	}

	private long staged() {
		return JdbcClient.create(this.dataSource).sql("SELECT count(*) FROM audit_staged").query(Long.class).single();
	}

	/**
	 * Starts one node per entry at once ({@code null}: no fault point) and waits until
	 * all run.
	 */
	private List<Node> startNodes(Point... haltAt) throws IOException, InterruptedException {
		List<Node> started = new ArrayList<>();
		for (Point point : haltAt) {
			started.add(startNode(point));
		}
		for (Node node : started) {
			waitUntil(Duration.ofSeconds(150), () -> node.ready(this.client));
		}
		return started;
	}

	private Node startNode(Point haltAt) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Files.createTempFile(Path.of("target"), "chain-node-", ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		int port = freePort();
		Map<String, String> env = builder.environment();
		env.put("KETENPOORT_DATA_DIR", dataDir().toString());
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("KETENPOORT_SANDBOX_URL", partnerSystems().baseUrl());
		env.put("KETENPOORT_DELIVERY_ENABLED", "false");
		env.put("KETENPOORT_AUDIT_CHECKPOINTEVERY", "20");
		env.put("KETENPOORT_AUDIT_CHECKPOINTCHECK", "300ms");
		env.put("SPRING_PROFILES_ACTIVE", "test");
		if (haltAt != null) {
			env.put("KETENPOORT_FAULTS_HALTAT", haltAt.name());
		}
		Node node = new Node(builder.start(), port, log);
		this.nodes.add(node);
		return node;
	}

	private void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition reached in time (see target/chain-node-*.log)").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/** A gateway node: its process, port and output. */
	private record Node(Process process, int port, Path log) {

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		boolean ready(HttpClient client) {
			assertThat(this.process.isAlive()).as("node started (see %s)", this.log).isTrue();
			try {
				return client.send(
						HttpRequest.newBuilder(uri("/actuator/health/liveness")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		boolean halted() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8).contains(FaultPoints.MARKER);
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
