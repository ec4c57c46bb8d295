package nl.ketenpoort.gateway.delivery;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.system.TraceContext;
import nl.ketenpoort.schemas.DocumentType;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery to partner systems that are real HTTP servers (WireMock): exact native payload
 * and headers, retries on 5xx and timeouts, no retry on 4xx, dead letters and replay,
 * consent re-checked at delivery, and order per status holder and recipient.
 */
@Import(RecordedSpans.class)
class DeliveryIntegrationTests extends GatewayIntegrationTest {

	private static final WireMockServer PARTNERS = startPartners();

	@DynamicPropertySource
	static void partnersOnWireMock(DynamicPropertyRegistry registry) {
		registry.add("KETENPOORT_SANDBOX_URL", PARTNERS::baseUrl);
		int port = freePort();
		registry.add("server.port", () -> port);
		registry.add("ketenpoort.adapters.http.response-timeout", () -> "3s");
		registry.add("ketenpoort.delivery.initial-backoff", () -> "1ms");
		registry.add("ketenpoort.delivery.max-backoff", () -> "2ms");
		registry.add("ketenpoort.delivery.max-attempts", () -> "3");
		// These tests are about retries; pausing partners is
		// PartnerCircuitIntegrationTests'.
		registry.add("ketenpoort.delivery.circuit.enabled", () -> "false");
		// VluchtelingenWerk collects its documents itself in these tests.
		registry.add("ketenpoort.partners.systems.vvs.pull", () -> "true");
		registry.add("ketenpoort.partners.systems.vvs.endpoint", () -> "");
	}

	@AfterAll
	static void stopPartners() {
		PARTNERS.resetAll();
	}

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DeliveryWorker delivery;

	@Autowired
	ConsentRegistry consents;

	@Autowired
	DataSource dataSource;

	@Autowired
	Exchanges exchanges;

	@Autowired
	RecordedSpans spans;

	private String vNumber;

	private SubjectRef subject;

	@BeforeEach
	void statusHolderWithConsent() {
		PARTNERS.resetAll();
		Fixtures.StatusHolder statusHolder = this.fixtures.newStatusHolder();
		this.vNumber = statusHolder.vNumber();
		this.subject = statusHolder.subject();
		this.fixtures.grant(this.subject, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
	}

	@Test
	void deliversTheNativeDocumentWithIdempotencyKeyConsentAndTrace() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(201).withBody("{\"berichtId\":\"R-1\"}")));
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

		String id = submit(traceparent);
		deliverAll();

		List<LoggedRequest> received = requestsFor(id);
		assertThat(received).hasSize(1);
		LoggedRequest request = received.get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("Ketenpoort-Consent")).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
		assertThat(request.getHeader("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
		JsonNode body = JSON.readTree(request.getBodyAsString());
		assertThat(body.has("klantprofiel")).as("RAAK's own format").isTrue();
		assertThat(request.getBodyAsString()).doesNotContain("\"birthDate\"");
		assertThat(status(id)).isEqualTo("delivered");
		assertThat(auditTypes(id)).containsExactly("accepted", "delivered");
		// The audit log names the caller's trace and operation as the foreign ones and
		// continues the same trace.
		this.fixtures.chained();
		Map<String, Object> accepted = JdbcClient.create(this.dataSource)
			.sql("SELECT trace_id, parent_operation_id, foreign_trace_id, foreign_operation_id FROM audit_event"
					+ " WHERE exchange_id = ? AND event_type = 'accepted'")
			.param(UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(accepted).containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
			.containsEntry("foreign_trace_id", "0af7651916cd43dd8448eb211c80319c")
			.containsEntry("foreign_operation_id", "b7ad6b7169203331");
		assertThat((String) accepted.get("parent_operation_id")).matches("[0-9a-f]{16}")
			.isNotEqualTo("b7ad6b7169203331");
	}

	@Test
	void eachAttemptIsASpanOfTheAcceptedTraceThatThePartnerAndTheAuditLogName() {
		String traceId = TraceContext.randomTraceId();
		String id = submit("00-" + traceId + "-b7ad6b7169203331-01");
		// down for this exchange's first attempt only (whatever else is still queued)
		PARTNERS.stubFor(post("/raak").withHeader("Idempotency-Key", equalTo(id))
			.inScenario("down-once")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		PARTNERS.stubFor(post("/raak").withHeader("Idempotency-Key", equalTo(id))
			.inScenario("down-once")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(201).withBody("{}")));

		deliverAll();

		this.fixtures.chained();
		List<Map<String, Object>> audited = JdbcClient.create(this.dataSource)
			.sql("SELECT event_type, trace_id, parent_operation_id FROM audit_event WHERE exchange_id = ?"
					+ " ORDER BY position")
			.param(UUID.fromString(id))
			.query()
			.listOfRows();
		assertThat(audited).extracting((row) -> row.get("event_type"))
			.containsExactly("accepted", "failed", "delivered");
		assertThat(audited).extracting((row) -> row.get("trace_id")).containsOnly(traceId);
		String acceptedBy = (String) audited.get(0).get("parent_operation_id");
		// each attempt is a client span whose parent is the operation that accepted
		List<SpanData> attempts = this.spans.named("delivery", traceId);
		assertThat(attempts).hasSize(2).allSatisfy((span) -> {
			assertThat(span.getParentSpanId()).isEqualTo(acceptedBy);
			assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(span.getAttributes().get(AttributeKey.stringKey("ketenpoort.partner"))).isEqualTo("raak");
		});
		List<String> attemptIds = attempts.stream().map(SpanData::getSpanId).toList();
		assertThat(attemptIds).doesNotHaveDuplicates().doesNotContain(acceptedBy, "b7ad6b7169203331");
		assertThat(attempts)
			.extracting((span) -> span.getAttributes().get(AttributeKey.stringKey("ketenpoort.outcome")))
			.containsExactly("retryable-failure", "delivered");
		// the partner was told each attempt's own span, in the same trace
		assertThat(requestsFor(id)).extracting((request) -> request.getHeader("traceparent"))
			.containsExactlyElementsOf(
					attemptIds.stream().map((span) -> "00-" + traceId + "-" + span + "-01").toList());
		// and each outcome in the audit log names its attempt
		assertThat(audited.subList(1, 3)).extracting((row) -> row.get("parent_operation_id"))
			.containsExactlyElementsOf(attemptIds);
	}

	@Test
	void twoServerErrorsThenSuccessDeliverExactlyOnce() {
		PARTNERS.stubFor(post("/raak").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		PARTNERS.stubFor(post("/raak").inScenario("flaky")
			.whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		PARTNERS.stubFor(post("/raak").inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200).withBody("{}")));

		String id = submit(null);
		deliverAll();

		List<LoggedRequest> received = requestsFor(id);
		assertThat(received).hasSize(3);
		assertThat(status(id)).isEqualTo("delivered");
		assertThat(auditTypes(id)).containsExactly("accepted", "failed", "failed", "delivered");
		assertThat(anchoredTypes(id)).containsExactly("accepted", "delivered");
	}

	@Test
	void clientErrorFailsAtOnceWithoutRetry() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(400)));

		String id = submit(null);
		deliverAll();
		deliverAll();

		assertThat(requestsFor(id)).hasSize(1);
		assertThat(status(id)).isEqualTo("failed");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT partner_status FROM audit_event WHERE exchange_id = ? AND event_type = 'failed'")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(400);
	}

	@Test
	void timeoutIsRetried() {
		// what earlier tests left due goes first, quickly: the one round below must reach
		// this test's exchange, whatever the batch size
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		for (int round = 0; round < 100 && this.delivery.runOnce() > 0; round++) {
			// drained round by round
		}
		PARTNERS.resetAll();
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withFixedDelay(6000)));

		String id = submit(null);
		this.delivery.runOnce();

		assertThat(status(id)).isEqualTo("delivering");
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT last_error FROM exchange WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("TIMEOUT");
	}

	/**
	 * The audit chainer links an exchange's events in its own transaction, and the tail
	 * anchor it writes refers to the exchange row, which takes a {@code FOR KEY SHARE}
	 * lock on that row until the batch commits. A claim must not take that for "another
	 * node holds it": right after its 202 the exchange is claimed all the same.
	 */
	@Test
	void anExchangeWhoseEventsAreBeingChainedIsClaimed() throws SQLException {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		for (int round = 0; round < 100 && this.delivery.runOnce() > 0; round++) {
			// what earlier tests left due is delivered first
		}
		String id = submit(null);
		try (Connection chainer = this.dataSource.getConnection()) {
			chainer.setAutoCommit(false);
			try (PreparedStatement anchoring = chainer
				.prepareStatement("SELECT id FROM exchange WHERE id = ? FOR KEY SHARE")) {
				anchoring.setObject(1, UUID.fromString(id));
				anchoring.executeQuery().close();
			}
			assertThat(this.delivery.runOnce()).isEqualTo(1);
			chainer.rollback();
		}
		assertThat(status(id)).isEqualTo("delivered");
	}

	@Test
	void deadLetteredAfterTheLimitAndDeliveredOnReplay() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(503)));
		String id = submit(null);
		deliverAll();
		assertThat(status(id)).isEqualTo("dead-lettered");
		assertThat(requestsFor(id)).hasSize(3);

		PARTNERS.resetAll();
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		HttpResponse<String> replay = send(
				HttpRequest.newBuilder(uri("/api/v1/operator/dead-letters/" + id + "/replay"))
					.header("Authorization", "Bearer " + this.tokens.person(Role.OPERATOR, null))
					.POST(BodyPublishers.noBody()));
		deliverAll();
		HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/v1/operator/dead-letters/" + id + "/replay"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.OPERATOR, null))
			.POST(BodyPublishers.noBody()));

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("delivered");
		assertThat(requestsFor(id)).hasSize(1);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
		assertThat(auditTypes(id)).as("replays in the exchange's audit trail")
			.containsSubsequence("dead-lettered", "replayed", "delivered", "replayed");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT outcome || ' ' || reason_code || ' ' || actor_kind || ' ' || actor_role || ' '"
					+ " || (subject_ref IS NULL) FROM audit_event WHERE exchange_id = ? AND event_type = 'replayed'"
					+ " ORDER BY position")
			.param(UUID.fromString(id))
			.query(String.class)
			.list()).as("each replay is audited with the operator as actor and no subject")
			.containsExactly("SUCCESS DEAD_LETTERED person OPERATOR true",
					"REFUSED NOT_A_DEAD_LETTER person OPERATOR true");
	}

	@Test
	void aDeliveredPayloadIsForgottenOnceItsTimeHasComeAndTheAuditKeepsItsHash() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		UUID id = UUID.fromString(submit(null));
		deliverAll();
		assertThat(this.exchanges.payload(id)).isPresent();

		// when: a purge of what was delivered before an hour ago, then of everything
		this.exchanges.purgeDeliveredBefore(Instant.now().minus(Duration.ofHours(1)));
		assertThat(this.exchanges.payload(id)).as("delivered just now: kept").isPresent();
		this.exchanges.purgeDeliveredBefore(Instant.now().plusSeconds(1));

		// then
		assertThat(this.exchanges.payload(id)).isEmpty();
		Exchange purged = this.exchanges.find(id).orElseThrow();
		assertThat(purged.status()).isEqualTo(ExchangeStatus.DELIVERED);
		assertThat(purged.purgedAt()).isNotNull();
		assertThat(purged.payloadSha256()).hasSize(64);
		assertThat(auditTypes(id.toString())).containsExactly("accepted", "delivered");
	}

	@Test
	void revocationStopsWhatIsStillQueued() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		String id = submit(null);
		Consent consent = this.consents.listForSubject(this.subject).get(0);
		this.consents.revoke(consent.id(), "status-holder", "changed my mind");

		deliverAll();

		assertThat(requestsFor(id)).isEmpty();
		assertThat(status(id)).isEqualTo("refused");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT reason_code FROM audit_event WHERE exchange_id = ? AND event_type = 'refused'")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("REVOKED");
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT payload IS NULL AND payload_sealed IS NULL FROM exchange WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Boolean.class)
			.single()).as("refused payload forgotten").isTrue();
	}

	@Test
	void partnerDownThenUpReceivesEverythingInSubmissionOrder() {
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(503)));
		String first = submit(null);
		String second = submit(null);
		String third = submit(null);
		this.delivery.runOnce();
		this.delivery.runOnce();
		assertThat(requestsFor(second)).as("waits behind the first").isEmpty();

		PARTNERS.resetAll();
		PARTNERS.stubFor(post("/raak").willReturn(aResponse().withStatus(200).withBody("{}")));
		deliverAll();

		List<String> order = PARTNERS.findAll(postRequestedFor(urlEqualTo("/raak")))
			.stream()
			.map((request) -> request.getHeader("Idempotency-Key"))
			.filter((key) -> List.of(first, second, third).contains(key))
			.toList();
		assertThat(order).containsExactly(first, second, third);
		assertThat(List.of(status(first), status(second), status(third))).containsOnly("delivered");
	}

	@Test
	void pullRecipientCollectsFromItsInboxAndTheAcknowledgementCompletesDelivery() {
		this.fixtures.grant(this.subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		String id = submit(null, "social-guidance-vwn", "vvs");
		deliverAll();
		String vvs = this.tokens.partner("vvs");

		HttpResponse<String> inbox = send(
				HttpRequest.newBuilder(uri("/api/v1/inbox")).header("Authorization", "Bearer " + vvs));
		HttpResponse<String> foreignAck = send(HttpRequest.newBuilder(uri("/api/v1/inbox/" + id + "/ack"))
			.header("Authorization", "Bearer " + this.tokens.partner("raak"))
			.POST(BodyPublishers.noBody()));
		HttpResponse<String> ack = send(HttpRequest.newBuilder(uri("/api/v1/inbox/" + id + "/ack"))
			.header("Authorization", "Bearer " + vvs)
			.POST(BodyPublishers.noBody()));
		HttpResponse<String> after = send(
				HttpRequest.newBuilder(uri("/api/v1/inbox")).header("Authorization", "Bearer " + vvs));

		assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo("/vvs")))).as("nothing pushed").isEmpty();
		assertThat(inbox.statusCode()).isEqualTo(200);
		JsonNode item = json(inbox).get("documents")
			.values()
			.stream()
			.filter((document) -> document.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("consentStatement").asString()).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
		assertThat(item.get("document").has("education")).isTrue();
		assertThat(foreignAck.statusCode()).isIn(403, 404);
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("delivered");
		assertThat(auditTypes(id)).containsExactly("accepted", "delivered");
		assertThat(after.body()).doesNotContain(id);
	}

	@Test
	void anAcknowledgementNeedsTheReceiveScopeAndADocumentThatIsWaiting() {
		// given: two documents waiting in VluchtelingenWerk's inbox, one for RAAK
		this.fixtures.grant(this.subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		String first = submit(null, "social-guidance-vwn", "vvs");
		String second = submit(null, "social-guidance-vwn", "vvs");
		String forRaak = submit(null);
		String vvs = this.tokens.partner("vvs");
		String vvsWithoutProfiles = this.tokens.partner("vvs", "exchange:receive:trajectory-plan");
		SoftAssertions softly = new SoftAssertions();

		// when: a token without the scope for client profiles acknowledges
		HttpResponse<String> unscoped = acknowledge(vvsWithoutProfiles, first);
		HttpResponse<String> foreign = acknowledge(vvs, forRaak);

		// then: refused and audited; the document still waits
		softly.assertThat(unscoped.statusCode()).as(unscoped.body()).isEqualTo(403);
		softly.assertThat(json(unscoped).path("code").asString()).isEqualTo("RECIPIENT_NOT_ALLOWED");
		softly.assertThat(status(first)).as("unscoped acknowledgement").isEqualTo("accepted");
		softly.assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
		softly.assertThat(auditTrail(first)).containsExactly("accepted -", "access-denied SCOPE_MISSING");
		softly.assertThat(auditTrail(forRaak)).containsExactly("accepted -", "access-denied NOT_RECIPIENT");

		// when: acknowledged twice
		HttpResponse<String> ack = acknowledge(vvs, first);
		HttpResponse<String> again = acknowledge(vvs, first);

		// then: the second one says what the document's status really is
		softly.assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
		softly.assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
		softly.assertThat(json(again).path("code").asString()).isEqualTo("CONFLICT");
		softly.assertThat(json(again).path("status").asString()).isEqualTo("delivered");
		softly.assertThat(auditTrail(first))
			.containsExactly("accepted -", "access-denied SCOPE_MISSING", "delivered -");

		// when: the consent is revoked, so that collection refuses the second document
		this.consents.revoke(this.consents.listForSubject(this.subject)
			.stream()
			.filter((consent) -> consent.purpose().equals("social-guidance-vwn"))
			.findFirst()
			.orElseThrow()
			.id(), "status-holder", "changed my mind");
		send(HttpRequest.newBuilder(uri("/api/v1/inbox")).header("Authorization", "Bearer " + vvs));
		HttpResponse<String> refused = acknowledge(vvs, second);

		// then: a refused document is never "delivered"
		softly.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		softly.assertThat(json(refused).path("status").asString()).isEqualTo("refused");
		softly.assertThat(status(second)).isEqualTo("refused");
		softly.assertThat(auditTrail(second)).containsExactly("accepted -", "refused REVOKED");
		softly.assertAll();
	}

	@Test
	void malformedIdsAnswerAProblemNeverAServerError() {
		String vvs = this.tokens.partner("vvs");
		String operator = this.tokens.person(Role.OPERATOR, null);

		HttpResponse<String> ack = acknowledge(vvs, "not-a-uuid");
		HttpResponse<String> replay = send(
				HttpRequest.newBuilder(uri("/api/v1/operator/dead-letters/not-a-uuid/replay"))
					.header("Authorization", "Bearer " + operator)
					.POST(BodyPublishers.noBody()));

		for (HttpResponse<String> response : List.of(ack, replay)) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(json(response).get("code").asString()).isEqualTo("INVALID_PARAMETER");
			assertThat(response.body()).doesNotContain("not-a-uuid\"", "Exception");
		}
	}

	private HttpResponse<String> acknowledge(String token, String id) {
		return send(HttpRequest.newBuilder(uri("/api/v1/inbox/" + id + "/ack"))
			.header("Authorization", "Bearer " + token)
			.POST(BodyPublishers.noBody()));
	}

	private List<String> auditTrail(String id) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT event_type || ' ' || coalesce(reason_code, '-') FROM audit_event WHERE exchange_id = ?"
					+ " ORDER BY position")
			.param(UUID.fromString(id))
			.query(String.class)
			.list();
	}

	private void deliverAll() {
		for (int round = 0; round < 10; round++) {
			this.delivery.runOnce();
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String submit(String traceparent) {
		return submit(traceparent, "handover-coa-municipality", "raak");
	}

	private String submit(String traceparent, String purpose, String recipient) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", purpose);
		request.put("recipient", recipient);
		request.putObject("subject").put("vNumber", this.vNumber);
		ObjectNode profile = ExchangeExamples.about(ExchangeExamples.clientProfile(), this.vNumber);
		request.set("document", profile);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString()));
		if (traceparent != null) {
			builder.header("traceparent", traceparent);
		}
		HttpResponse<String> response = send(builder);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json(response).get("id").asString();
	}

	private List<LoggedRequest> requestsFor(String exchangeId) {
		return PARTNERS
			.findAll(postRequestedFor(urlEqualTo("/raak")).withHeader("Idempotency-Key", equalTo(exchangeId)));
	}

	private String status(String id) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT status FROM exchange WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
	}

	/**
	 * The audit events the exchange's tail anchor names as its accepted and last status
	 * event, found by event id and position together.
	 */
	private List<String> anchoredTypes(String id) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT a.event_type FROM audit_tail_anchor x JOIN audit_event a"
					+ " ON (a.event_id, a.position) IN ((x.accepted_event_id, x.accepted_position),"
					+ " (x.status_event_id, x.status_position)) WHERE x.exchange_id = ? ORDER BY a.position")
			.param(UUID.fromString(id))
			.query(String.class)
			.list();
	}

	private List<String> auditTypes(String id) {
		return this.fixtures.auditTypes(UUID.fromString(id));
	}

	private static WireMockServer startPartners() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		return server;
	}

}
