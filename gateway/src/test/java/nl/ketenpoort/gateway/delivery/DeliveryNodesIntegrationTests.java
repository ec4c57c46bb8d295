package nl.ketenpoort.gateway.delivery;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.ChainVerification;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway nodes as separate processes (the packaged jar) on the database of this test's
 * gateway: a node killed with SIGKILL while delivering loses nothing once a node runs
 * again, a node stopped with SIGTERM while delivering finishes what it started and exits
 * by itself, and two nodes delivering together hand each exchange to the partner exactly
 * once.
 */
class DeliveryNodesIntegrationTests extends GatewayIntegrationTest {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	/**
	 * Short, so that what the killed node had claimed is claimed again soon; a live node
	 * that needs longer than its lease may deliver twice, which the partner's idempotency
	 * key absorbs.
	 */
	private static final String CRASH_LEASE = "10s";

	/** The default: no live node loses its claim while it delivers. */
	private static final String NORMAL_LEASE = "2m";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChainVerifier auditChain;

	private final Map<String, Integer> receivedByKey = new ConcurrentHashMap<>();

	private final List<Process> nodes = Collections.synchronizedList(new ArrayList<>());

	private final Map<Process, Path> logs = new ConcurrentHashMap<>();

	/** Requests the partner is answering right now (its delay running). */
	private final AtomicInteger answering = new AtomicInteger();

	private WireMockServer partner;

	@BeforeEach
	void partnerThatCountsWhatItReceives() {
		this.partner = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(40)
			.extensions(new CountingListener(this.receivedByKey, this.answering)));
		this.partner.start();
		this.partner.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3)));
	}

	@AfterEach
	void stopEverything() {
		this.nodes.forEach(Process::destroyForcibly);
		this.partner.stop();
	}

	@Test
	void killedNodeLosesNothingAndThePartnerAcceptsEachExchangeOnce() throws Exception {
		// given: 1,000 accepted exchanges
		Set<String> ids = submit(1_000, 50);

		// when: a node delivers and is killed with SIGKILL halfway
		Process first = startNode(CRASH_LEASE);
		waitUntil(Duration.ofSeconds(120), () -> countReceived(ids) >= 250);
		first.destroyForcibly().waitFor();
		long beforeRestart = countReceived(ids);
		Process second = startNode(CRASH_LEASE);
		waitUntil(Duration.ofSeconds(180), () -> delivered(ids) == ids.size());
		second.destroy();

		// then
		assertThat(beforeRestart).isLessThan(ids.size());
		assertThat(delivered(ids)).isEqualTo(ids.size());
		assertThat(this.receivedByKey.keySet()).containsAll(ids);
		assertThat(auditedDeliveries(ids)).as("each delivery recorded once").isEqualTo(ids.size());
		assertThat(this.auditChain.verify().intact()).as("audit chain after a node was killed").isTrue();
	}

	@Test
	void nodeStoppedWithSigtermWhileDeliveringFinishesWhatItStartedAndLosesNothing() throws Exception {
		// given: 300 accepted exchanges, and a partner that takes 300 ms to answer each
		this.partner.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(300)));
		Set<String> ids = submit(300, 30);

		// when: a node delivers, and gets SIGTERM while the partner is answering it
		Process first = startNode(NORMAL_LEASE);
		waitUntil(Duration.ofSeconds(120), () -> countReceived(ids) >= 30 && this.answering.get() > 0);
		Instant stopped = Instant.now();
		first.destroy();

		// then: it exits by itself within the shutdown timeouts, as the JVM does on
		// SIGTERM
		assertThat(first.waitFor(70, TimeUnit.SECONDS)).as("the node exits by itself after SIGTERM").isTrue();
		Duration stopping = Duration.between(stopped, Instant.now());
		assertThat(first.exitValue()).isEqualTo(143);
		// what the partner took, the node recorded: no attempt was cut off half-way, and
		// nothing it claimed waits for its lease
		long takenByPartner = countReceived(ids);
		assertThat(delivered(ids)).as("delivered when the node had stopped (after %s)", stopping)
			.isEqualTo(takenByPartner)
			.isLessThan(ids.size());
		assertThat(claimed(ids)).as("claims left behind").isZero();
		String log = Files.readString(this.logs.get(first));
		assertThat(log).contains("Commencing graceful shutdown");
		String shutdown = log.substring(log.indexOf("Commencing graceful shutdown"));
		assertThat(shutdown).as("the node's log from SIGTERM on")
			.contains("Graceful shutdown complete")
			.doesNotContain("Exception", " ERROR ", " WARN ")
			.doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(");

		// when: a second node runs
		Process second = startNode(NORMAL_LEASE);
		waitUntil(Duration.ofSeconds(180), () -> delivered(ids) == ids.size());
		second.destroy();

		// then: every exchange was taken once, recorded once, in a chain that verifies
		assertThat(second.waitFor(70, TimeUnit.SECONDS)).isTrue();
		Map<String, Integer> counts = new HashMap<>();
		ids.forEach((id) -> counts.put(id, this.receivedByKey.getOrDefault(id, 0)));
		assertThat(counts.values()).containsOnly(1);
		assertThat(auditedDeliveries(ids)).as("each delivery recorded once").isEqualTo(ids.size());
		assertThat(this.auditChain.verify().intact()).as("audit chain after a node was stopped").isTrue();
	}

	@Test
	void twoNodesDeliverFiveThousandExchangesEachExactlyOnce() throws Exception {
		Set<String> ids = submit(5_000, 250);

		startNode(NORMAL_LEASE);
		startNode(NORMAL_LEASE);
		waitUntil(Duration.ofSeconds(300), () -> delivered(ids) == ids.size());

		assertThat(delivered(ids)).isEqualTo(ids.size());
		Map<String, Integer> counts = new HashMap<>();
		ids.forEach((id) -> counts.put(id, this.receivedByKey.getOrDefault(id, 0)));
		assertThat(counts.values()).containsOnly(1);
		assertThat(auditedDeliveries(ids)).isEqualTo(ids.size());
		// this test's gateway and the two nodes appended to one chain at the same time
		ChainVerification chain = this.auditChain.verify();
		assertThat(chain.intact()).as("audit chain appended by three gateways").isTrue();
		assertThat(chain.checked()).isGreaterThanOrEqualTo(2L * ids.size());
	}

	private Set<String> submit(int count, int statusHolders) throws Exception {
		List<String> vNumbers = new ArrayList<>();
		for (int i = 0; i < statusHolders; i++) {
			String vNumber = Fixtures.newVNumber();
			this.fixtures.grant(this.subjects.enrol(VNumber.parse(vNumber)), "handover-coa-municipality", "tvs",
					List.of("raak"), DocumentType.of("client-profile"));
			vNumbers.add(vNumber);
		}
		String token = this.tokens.partner("tvs");
		ObjectNode profile = ExchangeExamples.clientProfile();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String vNumber = vNumbers.get(i % statusHolders);
				futures.add(pool.submit(() -> {
					ObjectNode request = JSON.createObjectNode();
					request.put("documentType", "client-profile");
					request.put("purpose", "handover-coa-municipality");
					request.put("recipient", "raak");
					request.putObject("subject").put("vNumber", vNumber);
					request.set("document", ExchangeExamples.about(profile.deepCopy(), vNumber));
					HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
						.header("Authorization", "Bearer " + token)
						.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
						.header("Content-Type", "application/json")
						.POST(BodyPublishers.ofString(request.toString())));
					assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
					return json(response).get("id").asString();
				}));
			}
			Set<String> ids = ConcurrentHashMap.newKeySet();
			for (Future<String> future : futures) {
				ids.add(future.get());
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Process startNode(String lease) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Files.createTempFile(Path.of("target"), "node-", ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("KETENPOORT_DATA_DIR", dataDir().toString());
		env.put("SERVER_PORT", String.valueOf(freePort()));
		env.put("KETENPOORT_SANDBOX_URL", this.partner.baseUrl());
		env.put("KETENPOORT_DELIVERY_ENABLED", "true");
		env.put("KETENPOORT_DELIVERY_POLLINTERVAL", "50ms");
		env.put("KETENPOORT_DELIVERY_BATCHSIZE", "40");
		env.put("KETENPOORT_DELIVERY_LEASE", lease);
		Process node = builder.start();
		this.nodes.add(node);
		this.logs.put(node, log);
		return node;
	}

	private long countReceived(Set<String> ids) {
		return ids.stream().filter(this.receivedByKey::containsKey).count();
	}

	private long delivered(Set<String> ids) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM exchange WHERE status = 'delivered' AND id::text = ANY(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	/** Claimed by a node and neither delivered nor given back yet. */
	private long claimed(Set<String> ids) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM exchange WHERE status = 'delivering' AND id::text = ANY(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private long auditedDeliveries(Set<String> ids) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'delivered' AND exchange_id::text = ANY(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition reached in time").isBefore(deadline);
			assertThat(this.nodes.stream().anyMatch(Process::isAlive))
				.as("a gateway node is running (see target/node-*.log)")
				.isTrue();
			Thread.sleep(200);
		}
	}

	/**
	 * Counts each request the partner answered, by idempotency key, and the requests it
	 * is answering.
	 */
	private static final class CountingListener implements ServeEventListener {

		private final Map<String, Integer> counts;

		private final AtomicInteger answering;

		CountingListener(Map<String, Integer> counts, AtomicInteger answering) {
			this.counts = counts;
			this.answering = answering;
		}

		@Override
		public void beforeMatch(ServeEvent serveEvent,
				com.github.tomakehurst.wiremock.extension.Parameters parameters) {
			this.answering.incrementAndGet();
		}

		@Override
		public void afterComplete(ServeEvent serveEvent,
				com.github.tomakehurst.wiremock.extension.Parameters parameters) {
			this.answering.decrementAndGet();
			if (serveEvent.getResponse().getStatus() == 200) {
				String key = serveEvent.getRequest().getHeader("Idempotency-Key");
				if (key != null) {
					this.counts.merge(key, 1, Integer::sum);
				}
			}
		}

		@Override
		public String getName() {
			return "counting";
		}

	}

}
