package nl.ketenpoort.gateway.metrics;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Prometheus's view of the gateway: a scripted run (accepted, refused, delivered, failed,
 * retried, dead-lettered exchanges) read back from {@code /actuator/prometheus} with the
 * static scrape token, which is the only credential the endpoint takes and which opens
 * nothing else; and the Grafana dashboard asks only for metrics that scrape holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsScrapeIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	private static final Path DASHBOARD = Path.of("..", "docs", "operations", "grafana-dashboard.json");

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	DataSource dataSource;

	@Autowired
	ConsentRegistry registry;

	private final List<StubMapping> stubs = new ArrayList<>();

	private @Nullable Run run;

	@AfterAll
	void removeStubs() {
		this.stubs.forEach((stub) -> partnerSystems().removeStub(stub));
	}

	@Test
	void theScrapeHoldsEachDomainMetricWithTheCountsOfTheRun() {
		Run run = scriptedRun();
		Scrape before = run.before();
		Scrape after = run.after();

		// exchanges, per purpose and partner
		assertThat(delta(before, after, "ketenpoort_exchanges_accepted_total", "purpose", PURPOSE, "sender", "tvs",
				"recipient", "raak"))
			.isEqualTo(5);
		assertThat(delta(before, after, "ketenpoort_exchanges_refused_total", "purpose", PURPOSE, "sender", "tvs",
				"reason", "NO_CONSENT"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_exchanges_delivered_total", "purpose", PURPOSE, "recipient", "raak",
				"mode", "pushed"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_exchanges_failed_total", "purpose", PURPOSE, "recipient", "raak",
				"retrying", "true"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_exchanges_failed_total", "purpose", PURPOSE, "recipient", "raak",
				"retrying", "false", "reason", "CLIENT_ERROR"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_exchanges_withheld_total", "purpose", PURPOSE, "recipient", "raak",
				"reason", "REVOKED"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_exchanges_dead_lettered_total", "purpose", PURPOSE, "recipient",
				"raak"))
			.isEqualTo(1);

		// delivery lag: one observation per delivery, in buckets
		assertThat(
				delta(before, after, "ketenpoort_delivery_lag_seconds_count", "purpose", PURPOSE, "recipient", "raak"))
			.isEqualTo(1);
		assertThat(after.has("ketenpoort_delivery_lag_seconds_bucket", "recipient", "raak", "le", "+Inf")).isTrue();

		// the outbox as the database has it
		assertThat(after.sum("ketenpoort_outbox_depth", "partner", "raak")).isEqualTo(run.raakWaiting());
		assertThat(after.sum("ketenpoort_outbox_depth", "partner", "raak")).isPositive();
		assertThat(after.sum("ketenpoort_outbox_oldest_age_seconds", "partner", "raak")).isNotNegative();
		assertThat(after.has("ketenpoort_outbox_depth", "partner", "taalschool-a")).isTrue();

		// consent checks: six at acceptance (one refused), five again at delivery (one
		// revoked meanwhile)
		assertThat(delta(before, after, "ketenpoort_consent_checks_total", "stage", "acceptance", "outcome", "allowed"))
			.isEqualTo(5);
		assertThat(delta(before, after, "ketenpoort_consent_checks_total", "stage", "acceptance", "outcome", "denied",
				"reason", "NO_CONSENT"))
			.isEqualTo(1);
		assertThat(delta(before, after, "ketenpoort_consent_checks_total", "stage", "delivery", "outcome", "allowed"))
			.isEqualTo(4);
		assertThat(delta(before, after, "ketenpoort_consent_checks_total", "stage", "delivery", "outcome", "denied",
				"reason", "REVOKED"))
			.isEqualTo(1);

		// audit: at least the eleven records of the run appended, and a fresh checkpoint
		assertThat(delta(before, after, "ketenpoort_audit_append_seconds_count")).isGreaterThanOrEqualTo(11);
		assertThat(after.sum("ketenpoort_audit_checkpoint_age_seconds")).isCloseTo(0, within(30.0));
	}

	@Test
	void noSeriesIsLabelledWithASubjectAnExchangeOrAPerson() {
		Run run = scriptedRun();
		Set<String> labels = new TreeSet<>();
		run.after()
			.series()
			.stream()
			.filter((series) -> series.name().startsWith("ketenpoort_"))
			.forEach((series) -> labels.addAll(series.labels().keySet()));
		assertThat(labels).isSubsetOf("purpose", "sender", "recipient", "partner", "reason", "retrying", "mode",
				"stage", "outcome", "state", "le", "quantile");
		assertThat(run.afterText()).doesNotContain(run.vNumber())
			.doesNotContain(run.subject())
			.doesNotContain(run.exchangeIds().get(0).toString());
	}

	@Test
	void noTokenAPersonsTokenOrAnotherTokenIsRefused() {
		assertUnauthorized(scrape(null));
		assertUnauthorized(scrape(this.tokens.person(Role.OPERATOR, null)));
		assertUnauthorized(scrape(this.tokens.person(Role.PRIVACY_OFFICER, "coa")));
		assertUnauthorized(scrape(this.tokens.partner("tvs")));
		assertUnauthorized(scrape(METRICS_TOKEN + "x"));
		assertUnauthorized(scrape(METRICS_TOKEN.substring(1)));
		assertThat(scrape(METRICS_TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void theScrapeTokenOpensNothingElse() {
		for (String path : List.of("/actuator/info", "/api/v1/exchanges/" + UUID.randomUUID(), "/api/v1/inbox",
				"/api/v1/audit/events")) {
			assertUnauthorized(
					send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + METRICS_TOKEN)));
		}
		assertThat(send(HttpRequest.newBuilder(uri("/console"))
			.header("Authorization", "Bearer " + METRICS_TOKEN)
			.header("Accept", "text/html")).statusCode()).isEqualTo(302);
	}

	@Test
	void everyDashboardQueryNamesOnlyMetricsTheScrapeHolds() throws Exception {
		Set<String> scraped = scriptedRun().after().names();
		JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
		List<String> expressions = new ArrayList<>();
		dashboard.get("panels").forEach((panel) -> panel.get("targets").forEach((target) -> {
			expressions.add(target.get("expr").asString());
		}));
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
		for (String expression : expressions) {
			assertThat(PromQl.metricNames(expression)).as(expression).isNotEmpty().isSubsetOf(scraped);
		}
	}

	/** The script, once for the class: its scrapes before and after. */
	private Run scriptedRun() {
		if (this.run == null) {
			this.run = runScript();
		}
		return this.run;
	}

	private Run runScript() {
		// One status holder per exchange: delivery keeps one holder's documents in order,
		// one at a time.
		List<Fixtures.StatusHolder> holders = new ArrayList<>();
		List<Consent> consents = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
			consents.add(this.fixtures.grant(holder.subject(), PURPOSE, "tvs", List.of("raak"),
					DocumentType.of("client-profile")));
			holders.add(holder);
		}
		// What other tests left in the outbox goes first, so that it is not counted here.
		while (this.worker.runOnce() > 0) {
		}
		Scrape before = Scrape.parse(scrapeText());

		List<UUID> ids = new ArrayList<>();
		for (Fixtures.StatusHolder holder : holders) {
			HttpResponse<String> accepted = submit(holder.vNumber());
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			ids.add(UUID.fromString(json(accepted).get("id").asString()));
		}
		assertThat(submit(Fixtures.newVNumber()).statusCode()).isEqualTo(403);
		// the first is delivered, the second gives up, the third is retried, the fourth
		// refused for good, the fifth withheld: its consent was revoked after acceptance
		this.registry.revoke(consents.get(4).id(), "test", "status holder withdrew");
		fails(ids.get(1), 503);
		JdbcClient.create(this.dataSource)
			.sql("UPDATE exchange SET attempts = 1000 WHERE id = ?")
			.param(ids.get(1))
			.update();
		fails(ids.get(2), 503);
		fails(ids.get(3), 400);
		assertThat(this.worker.runOnce()).isEqualTo(5);
		this.checkpoints.signHead();
		// The outbox gauges read the database at most once a second (OutboxMetrics): wait
		// that long, so the scrape after the run cannot show the snapshot of one before
		// it.
		try {
			Thread.sleep(1_100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}

		String afterText = scrapeText();
		long waiting = JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM exchange WHERE recipient = 'raak' AND status IN ('accepted', 'delivering')")
			.query(Long.class)
			.single();
		return new Run(before, Scrape.parse(afterText), afterText, waiting, holders.get(0).vNumber(),
				holders.get(0).subject().pseudonym(), ids);
	}

	private void fails(UUID exchange, int status) {
		this.stubs.add(partnerSystems().stubFor(post("/raak").atPriority(1)
			.withHeader("Idempotency-Key", equalTo(exchange.toString()))
			.willReturn(aResponse().withStatus(status).withBody("{}"))));
	}

	private HttpResponse<String> submit(String vNumber) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", PURPOSE);
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), vNumber));
		return send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
	}

	private String scrapeText() {
		HttpResponse<String> response = scrape(METRICS_TOKEN);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> scrape(@Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/actuator/prometheus"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(response.body()).doesNotContain("ketenpoort_");
	}

	private static double delta(Scrape before, Scrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	private record Run(Scrape before, Scrape after, String afterText, long raakWaiting, String vNumber, String subject,
			List<UUID> exchangeIds) {
	}

	/** The metric names a PromQL expression selects. */
	static final class PromQl {

		private static final Set<String> WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
				"offset", "bool", "and", "or", "unless", "inf", "nan");

		private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

		static Set<String> metricNames(String expression) {
			String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
				.replaceAll("\\{[^}]*\\}", "")
				.replaceAll("\\[[^\\]]*\\]", "")
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
			Set<String> names = new TreeSet<>();
			Matcher matcher = NAME.matcher(bare);
			while (matcher.find()) {
				String word = matcher.group();
				boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
				if (!function && !WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
					names.add(word);
				}
			}
			return names;
		}

	}

}
