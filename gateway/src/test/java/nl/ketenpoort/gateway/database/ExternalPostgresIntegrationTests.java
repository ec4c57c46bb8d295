package nl.ketenpoort.gateway.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.KetenpoortApplication;
import nl.ketenpoort.gateway.audit.ChainVerification;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three gateway nodes on one real, external PostgreSQL (Debian's package, as production
 * would run it, instead of the embedded server): they start at the same moment, so their
 * migrations contend for Flyway's lock; then they deliver the exchanges accepted by one
 * of them, each exactly once, into one audit chain that verifies. One node runs in this
 * JVM (for its beans: tokens, consents, the chain verifier), two as the product jar. All
 * three accept and all three deliver: 10,000 exchanges by default (about two minutes on
 * two cores, most of it accepting); {@code -Dketenpoort.external-postgres.exchanges=500}
 * for a quick run.
 */
class ExternalPostgresIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private static final int EXCHANGES = Integer.getInteger("ketenpoort.external-postgres.exchanges", 10_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Clients submitting at once. */
	private static final int SUBMITTERS = 12;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Integer> receivedByKey = new ConcurrentHashMap<>();

	private final List<Process> nodes = new ArrayList<>();

	private DebianPostgres server;

	private WireMockServer partner;

	private ConfigurableApplicationContext inProcess;

	private Duration granting = Duration.ZERO;

	@AfterEach
	void stopEverything() throws Exception {
		this.nodes.forEach(Process::destroyForcibly);
		if (this.inProcess != null) {
			this.inProcess.close();
		}
		if (this.partner != null) {
			this.partner.stop();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void threeNodesStartTogetherAndDeliverEachExchangeOnceIntoOneChain() throws Exception {
		// given a fresh PostgreSQL server and a partner that counts what it takes
		this.server = DebianPostgres.start(freePort());
		String appPassword = secret();
		try (Connection admin = this.server.connect(DebianPostgres.DATABASE, "postgres", this.server.password())) {
			admin.createStatement().execute("CREATE ROLE ketenpoort_app LOGIN PASSWORD '" + appPassword + "'");
		}
		this.partner = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(40)
			.extensions(new CountingListener(this.receivedByKey)));
		this.partner.start();
		this.partner.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("SPRING_DATASOURCE_URL", this.server.url());
		settings.put("SPRING_DATASOURCE_USERNAME", "ketenpoort_app");
		settings.put("SPRING_DATASOURCE_PASSWORD", appPassword);
		settings.put("SPRING_FLYWAY_USER", "postgres");
		settings.put("SPRING_FLYWAY_PASSWORD", this.server.password());
		settings.put("KETENPOORT_CONSENT_PSEUDONYMKEY", secret());
		settings.put("KETENPOORT_CONSENT_KEYENCRYPTIONKEY", secret());
		settings.put("KETENPOORT_EXCHANGE_PAYLOADKEY", secret());
		settings.put("KETENPOORT_AUDIT_KEYENCRYPTIONKEY", secret());
		settings.put("KETENPOORT_SANDBOX_URL", this.partner.baseUrl());
		settings.put("KETENPOORT_DELIVERY_POLLINTERVAL", "50ms");
		settings.put("KETENPOORT_DELIVERY_BATCHSIZE", "40");
		// One issuer for the line, as behind its load balancer: a token one node issued
		// is
		// good at every node (each would otherwise name its own address).
		List<Integer> ports = List.of(freePort(), freePort(), freePort());
		settings.put("KETENPOORT_IDENTITY_ISSUER", "http://127.0.0.1:" + ports.get(0));

		// when three nodes start at the same moment: two processes and one here
		Instant began = Instant.now();
		this.nodes.add(startNode(settings, ports.get(1)));
		this.nodes.add(startNode(settings, ports.get(2)));
		this.inProcess = startHere(settings, ports.get(0));
		for (int port : ports) {
			waitUntil(Duration.ofSeconds(240), () -> healthy(port));
		}

		// then the node in this JVM is on that server too, not on a database of its own
		try (Connection own = this.inProcess.getBean(DataSource.class).getConnection()) {
			assertThat(own.getMetaData().getURL()).isEqualTo(this.server.url());
		}
		// and the schema was migrated once, under Flyway's lock
		JdbcClient owner = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				this.server.url(), "postgres", this.server.password()));
		assertThat(owner
			.sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
					+ " GROUP BY version HAVING count(*) > 1")
			.query(String.class)
			.list()).isEmpty();
		assertThat(owner.sql("SELECT bool_and(success) FROM flyway_schema_history").query(Boolean.class).single())
			.isTrue();

		// when all three accept the exchanges, with one node's token, and all three
		// deliver them
		Instant started = Instant.now();
		Set<String> ids = submit(ports, EXCHANGES, Math.max(EXCHANGES / 20, 1));
		Instant submitted = Instant.now();
		JdbcClient jdbc = JdbcClient.create(this.inProcess.getBean(DataSource.class));
		waitUntil(Duration.ofSeconds(600), () -> delivered(jdbc, ids) == ids.size());
		Instant drained = Instant.now();
		// Where the time goes, against the suite's time budget.
		System.out.printf(
				"external PostgreSQL, %d exchanges: three nodes up %s, consents granted %s, accepted %s,"
						+ " all delivered %s later%n",
				EXCHANGES, Duration.between(began, started), this.granting,
				Duration.between(started, submitted).minus(this.granting), Duration.between(submitted, drained));

		// then each was taken by the partner exactly once, and recorded once in one chain
		assertThat(ids).hasSize(EXCHANGES);
		Map<String, Integer> counts = new LinkedHashMap<>();
		ids.forEach((id) -> counts.put(id, this.receivedByKey.getOrDefault(id, 0)));
		assertThat(counts.values()).containsOnly(1);
		// the in-process node chains whatever the others staged last
		this.inProcess.getBean(AuditChainer.class).chainPending();
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'delivered' AND exchange_id::text = ANY(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(ids.size());
		ChainVerification chain = this.inProcess.getBean(AuditChainVerifier.class).verify();
		assertThat(chain.intact()).as("one audit chain appended by three nodes").isTrue();
		assertThat(chain.checked()).isGreaterThanOrEqualTo(2L * ids.size());
		assertThat(jdbc.sql("SELECT count(DISTINCT application_name) FROM pg_stat_activity WHERE datname = ?")
			.param(DebianPostgres.DATABASE)
			.query(Long.class)
			.single()).isPositive();
	}

	private ConfigurableApplicationContext startHere(Map<String, String> settings, int port) throws IOException {
		List<String> args = new ArrayList<>();
		// As a process environment gives them: under the name (for placeholders such as
		// ${KETENPOORT_SANDBOX_URL}) and as the property it stands for, since Spring maps
		// SPRING_DATASOURCE_URL to spring.datasource.url for the environment only; an
		// argument under that name alone would be ignored in silence.
		settings.forEach((name, value) -> {
			args.add("--" + name + "=" + value);
			args.add("--" + property(name) + "=" + value);
		});
		args.add("--server.port=" + port);
		args.add("--ketenpoort.data-dir=" + Files.createTempDirectory("ketenpoort-node-"));
		args.add("--ketenpoort.adapters.tvs-intake.directory=" + Files.createTempDirectory("ketenpoort-intake-"));
		args.add("--ketenpoort.identity.mtls.port=");
		return new SpringApplicationBuilder(KetenpoortApplication.class).run(args.toArray(String[]::new));
	}

	/**
	 * The property an environment variable's name stands for: SPRING_DATASOURCE_URL is
	 * spring.datasource.url; KETENPOORT_CONSENT_PSEUDONYMKEY is
	 * ketenpoort.consent.pseudonymkey, which binds as ketenpoort.consent.pseudonym-key
	 * (dashes do not count).
	 */
	static String property(String environmentVariable) {
		return environmentVariable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
	}

	private Process startNode(Map<String, String> settings, int port) throws IOException {
		assertThat(JAR).as("built by package before the integration tests").exists();
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Files.createTempFile(Path.of("target"), "external-pg-node-", ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("KETENPOORT_"));
		env.putAll(settings);
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("KETENPOORT_DATA_DIR", Files.createTempDirectory("ketenpoort-node-").toString());
		env.put("KETENPOORT_ADAPTERS_TVSINTAKE_DIRECTORY", Files.createTempDirectory("ketenpoort-intake-").toString());
		return builder.start();
	}

	/**
	 * Grants the consents, then submits the exchanges, from {@link #SUBMITTERS} clients
	 * at once, to each node in turn.
	 */
	private Set<String> submit(List<Integer> ports, int count, int statusHolders) throws Exception {
		Fixtures fixtures = this.inProcess.getBean(Fixtures.class);
		Subjects subjects = this.inProcess.getBean(Subjects.class);
		ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
		try {
			Instant granting = Instant.now();
			List<Future<String>> granted = new ArrayList<>();
			for (int i = 0; i < statusHolders; i++) {
				granted.add(pool.submit(() -> {
					String vNumber = Fixtures.newVNumber();
					fixtures.grant(subjects.enrol(VNumber.parse(vNumber)), "handover-coa-municipality", "tvs",
							List.of("raak"), DocumentType.of("client-profile"));
					return vNumber;
				}));
			}
			List<String> vNumbers = new ArrayList<>();
			for (Future<String> vNumber : granted) {
				vNumbers.add(vNumber.get());
			}
			this.granting = Duration.between(granting, Instant.now());
			String token = this.inProcess.getBean(TestTokens.class).partner("tvs");
			ObjectNode profile = ExchangeExamples.clientProfile();
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String vNumber = vNumbers.get(i % statusHolders);
				int port = ports.get(i % ports.size());
				futures.add(pool.submit(() -> {
					ObjectNode request = JSON.createObjectNode();
					request.put("documentType", "client-profile");
					request.put("purpose", "handover-coa-municipality");
					request.put("recipient", "raak");
					request.putObject("subject").put("vNumber", vNumber);
					request.set("document", ExchangeExamples.about(profile.deepCopy(), vNumber));
					HttpResponse<String> response = this.http
						.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exchanges"))
							.header("Authorization", "Bearer " + token)
							.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
							.header("Content-Type", "application/json")
							.POST(BodyPublishers.ofString(request.toString()))
							.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
					return JSON.readTree(response.body()).get("id").asString();
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

	private boolean healthy(int port) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
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

	private static long delivered(JdbcClient jdbc, Set<String> ids) {
		return jdbc.sql("SELECT count(*) FROM exchange WHERE status = 'delivered' AND id::text = ANY(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition reached in time").isBefore(deadline);
			assertThat(this.nodes).as("the gateway nodes run (see target/external-pg-node-*.log)")
				.allMatch(Process::isAlive);
			Thread.sleep(200);
		}
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Counts each request the partner answered, by idempotency key. */
	private static final class CountingListener implements ServeEventListener {

		private final Map<String, Integer> counts;

		CountingListener(Map<String, Integer> counts) {
			this.counts = counts;
		}

		@Override
		public void afterComplete(ServeEvent serveEvent,
				com.github.tomakehurst.wiremock.extension.Parameters parameters) {
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
