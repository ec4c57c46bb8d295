package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditPruner;
import nl.ketenpoort.gateway.audit.internal.AuditVerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy officers see exactly the events their organisation took part in, status holders
 * see their own, every read is recorded, the chain verifies, and nothing in the audit
 * table names a person in clear.
 */
class AuditApiIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditVerifyCommand verifyCommand;

	@Autowired
	AuditPruner pruner;

	@Autowired
	AuditCheckpoints checkpoints;

	private String vNumber;

	private SubjectRef subject;

	private UUID exchangeId;

	@BeforeEach
	void anAcceptedExchange() {
		Fixtures.StatusHolder statusHolder = this.fixtures.newStatusHolder();
		this.vNumber = statusHolder.vNumber();
		this.subject = statusHolder.subject();
		this.fixtures.grant(this.subject, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", this.vNumber);
		request.set("document", nl.ketenpoort.gateway.exchange.ExchangeExamples
			.about(nl.ketenpoort.gateway.exchange.ExchangeExamples.clientProfile(), this.vNumber));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		this.exchangeId = UUID.fromString(json(response).get("id").asString());
	}

	@Test
	void officerOfAPartyFindsTheExchangeBySubjectAndOpensItsTrail() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");

		HttpResponse<String> found = send(searchBody(officer, "{\"vNumber\":\"" + this.vNumber + "\"}"));
		HttpResponse<String> trail = send(HttpRequest.newBuilder(uri("/api/v1/audit/exchanges/" + this.exchangeId))
			.header("Authorization", "Bearer " + officer));

		assertThat(found.statusCode()).isEqualTo(200);
		List<String> types = json(found).get("events").values().stream().map((e) -> e.get("type").asString()).toList();
		assertThat(types).contains("accepted", "consent-granted");
		assertThat(trail.statusCode()).isEqualTo(200);
		assertThat(json(trail).get("events").get(0).get("exchangeId").asString()).isEqualTo(this.exchangeId.toString());
		assertThat(readsRecordedFor(this.subject.pseudonym())).isPositive();
	}

	@Test
	void officerOfAnotherOrganisationSeesNothingAndTheAttemptIsRecorded() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "vwn");

		HttpResponse<String> found = send(searchBody(officer, "{\"vNumber\":\"" + this.vNumber + "\"}"));
		HttpResponse<String> trail = send(HttpRequest.newBuilder(uri("/api/v1/audit/exchanges/" + this.exchangeId))
			.header("Authorization", "Bearer " + officer));

		assertThat(json(found).get("events").values().stream().map((e) -> e.get("type").asString()))
			.doesNotContain("accepted");
		assertThat(trail.statusCode()).isEqualTo(404);
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'audit-read' AND reason_code = 'trail-denied'"
					+ " AND actor_organisation = 'vwn'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void partnersAndStatusHoldersCannotUseTheOfficerApi() {
		HttpResponse<String> partner = send(HttpRequest.newBuilder(uri("/api/v1/audit/events"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs")));
		HttpResponse<String> holder = send(HttpRequest.newBuilder(uri("/api/v1/audit/events"))
			.header("Authorization",
					"Bearer " + this.tokens.person(Role.STATUS_HOLDER, null, this.subject.pseudonym())));

		assertThat(partner.statusCode()).isIn(403, 404);
		assertThat(holder.statusCode()).isIn(403, 404);
	}

	@Test
	void statusHolderReadsOwnEventsInPlainWordsAndNoOneElses() {
		String own = this.tokens.person(Role.STATUS_HOLDER, null, this.subject.pseudonym());
		String other = this.tokens.person(Role.STATUS_HOLDER, null,
				this.subjects.enrol(VNumber.parse("1" + this.vNumber.substring(1, 9) + "3")).pseudonym());

		HttpResponse<String> mine = send(
				HttpRequest.newBuilder(uri("/api/v1/audit/me")).header("Authorization", "Bearer " + own));
		HttpResponse<String> theirs = send(
				HttpRequest.newBuilder(uri("/api/v1/audit/me")).header("Authorization", "Bearer " + other));

		JsonNode accepted = json(mine).get("events")
			.values()
			.stream()
			.filter((e) -> e.get("what").asString().equals("accepted"))
			.findFirst()
			.orElseThrow();
		assertThat(accepted.get("to").asString()).containsIgnoringCase("Amsterdam");
		assertThat(json(mine).get("retention").get("handover-coa-municipality").asString()).isEqualTo("P7Y");
		assertThat(theirs.body()).doesNotContain(this.exchangeId.toString());
	}

	@Test
	void officerVerifiesTheChainAndTheCommandLineAgrees() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "amsterdam");
		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/v1/audit/verify"))
			.header("Authorization", "Bearer " + officer)
			.POST(BodyPublishers.noBody()));
		JsonNode verified = BackgroundVerification.awaitFinished(
				() -> json(send(HttpRequest.newBuilder(uri(started.headers().firstValue("Location").orElseThrow()))
					.header("Authorization", "Bearer " + officer))),
				(job) -> "running".equals(job.get("state").asString()));
		StringWriter output = new StringWriter();
		int exit = this.verifyCommand.run(List.of(), new PrintWriter(output, true));

		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(verified.get("result").get("intact").asBoolean()).isTrue();
		assertThat(verified.get("result").get("checked").asLong()).isPositive();
		assertThat(exit).isZero();
		assertThat(output.toString()).contains("intact");
	}

	@Test
	void officerReadsTheRetentionPeriodsAndTheSignedPruningsOthersMayNot() {
		HttpResponse<String> officer = send(HttpRequest.newBuilder(uri("/api/v1/audit/retention"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.PRIVACY_OFFICER, "coa")));
		HttpResponse<String> holder = send(HttpRequest.newBuilder(uri("/api/v1/audit/retention"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.STATUS_HOLDER, "coa")));
		HttpResponse<String> partner = send(HttpRequest.newBuilder(uri("/api/v1/audit/retention"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs")));

		assertThat(officer.statusCode()).isEqualTo(200);
		assertThat(json(officer).get("retention").get("default").asString()).isEqualTo("P7Y");
		assertThat(json(officer).get("prunings").isArray()).isTrue();
		assertThat(holder.statusCode()).isIn(403, 404);
		assertThat(partner.statusCode()).isEqualTo(403);
	}

	@Test
	void theGatewayPrunesAsTheSchemaOwnerAndKeepsWhatIsYoung() {
		this.fixtures.chained();
		var head = JdbcClient.create(this.dataSource)
			.sql("SELECT position, hash FROM audit_event ORDER BY position DESC LIMIT 1")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		this.checkpoints.create((long) head[0], (String) head[1]);
		this.fixtures.chained();
		long before = JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event")
			.query(Long.class)
			.single();

		AuditPruner.Result result = this.pruner.prune();

		assertThat(result.refusal()).isNull();
		assertThat(result.anchorPosition()).isEqualTo((long) head[0]);
		assertThat(result.events()).isZero();
		this.fixtures.chained();
		assertThat(
				JdbcClient.create(this.dataSource).sql("SELECT count(*) FROM audit_event").query(Long.class).single())
			.isGreaterThanOrEqualTo(before);
	}

	@Test
	void noIdentifierOrNameAppearsInAnyColumnOfTheAuditTable() {
		this.fixtures.chained();
		List<Map<String, Object>> rows = JdbcClient.create(this.dataSource)
			.sql("SELECT * FROM audit_event")
			.query()
			.listOfRows();

		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			for (Object value : row.values()) {
				String text = (value instanceof java.sql.Array array) ? String.valueOf(array) : String.valueOf(value);
				assertThat(text).doesNotContain(this.vNumber).doesNotContain("Amira").doesNotContain("Al-Khatib");
			}
		}
	}

	@Test
	void subjectExportInTheLogboekShapeAndAsAReadablePage() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "amsterdam");

		HttpResponse<String> logboek = send(exportBody(officer, "logboek"));
		HttpResponse<String> html = send(exportBody(officer, "html"));

		assertThat(logboek.statusCode()).isEqualTo(200);
		JsonNode accepted = json(logboek).values()
			.stream()
			.filter((entry) -> entry.get("name").asString().equals("accepted"))
			.findFirst()
			.orElseThrow();
		assertThat(accepted.get("trace_id").asString()).matches("[0-9a-f]{32}");
		assertThat(accepted.get("span_id").asString()).matches("[0-9a-f]{16}");
		assertThat(accepted.get("status_code").asString()).isEqualTo("OK");
		assertThat(accepted.get("attributes").get("dpl.core.processing_activity_id").asString())
			.isEqualTo("handover-coa-municipality");
		assertThat(accepted.get("attributes").get("dpl.core.data_subject_id").asString())
			.isEqualTo(this.subject.pseudonym());
		assertThat(html.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(html.body()).contains("<table").contains("handover-coa-municipality").doesNotContain(this.vNumber);
		assertThat(html.body()).contains("handover-coa-municipality: kept for 7 years, then removed.");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'export' AND subject_ref = ?")
			.param(this.subject.pseudonym())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void signedCheckpointsAndTheirKeysCanBeTakenOutside() {
		this.checkpoints.createIfDue();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		this.fixtures.chained();
		var head = jdbc.sql("SELECT position, hash FROM audit_event ORDER BY position DESC LIMIT 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		this.checkpoints.create((long) head[0], (String) head[1]);

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/audit/checkpoints"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.PRIVACY_OFFICER, "coa")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("checkpoints").size()).isPositive();
		assertThat(body.get("checkpoints").get(0).get("statement").asString()).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
		assertThat(body.get("keys").get("keys").get(0).get("crv").asString()).isEqualTo("P-256");
		assertThat(body.get("keys").get("keys").get(0).has("d")).isFalse();
	}

	private long readsRecordedFor(String subjectRef) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'audit-read' AND subject_ref = ?")
			.param(subjectRef)
			.query(Long.class)
			.single();
	}

	private HttpRequest.Builder searchBody(String officer, String body) {
		return HttpRequest.newBuilder(uri("/api/v1/audit/events/search"))
			.header("Authorization", "Bearer " + officer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpRequest.Builder exportBody(String officer, String format) {
		return HttpRequest.newBuilder(uri("/api/v1/audit/exports"))
			.header("Authorization", "Bearer " + officer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"vNumber\":\"" + this.vNumber + "\",\"format\":\"" + format + "\"}"));
	}

	@Test
	void identifiersInTheQueryStringAreRefusedAndTheRefusalIsRecorded() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");

		HttpResponse<String> search = send(HttpRequest.newBuilder(uri("/api/v1/audit/events?vNumber=" + this.vNumber))
			.header("Authorization", "Bearer " + officer));
		HttpResponse<String> export = send(HttpRequest.newBuilder(uri("/api/v1/audit/export?bsn=123456782"))
			.header("Authorization", "Bearer " + officer));
		HttpResponse<String> withoutIdentifiers = send(HttpRequest.newBuilder(uri("/api/v1/audit/events?partner=tvs"))
			.header("Authorization", "Bearer " + officer));

		assertThat(search.statusCode()).isEqualTo(400);
		JsonNode problem = json(search);
		assertThat(problem.get("code").asString()).isEqualTo("IDENTIFIER_IN_QUERY");
		assertThat(problem.get("reason").asString()).isEqualTo("IDENTIFIER_IN_QUERY");
		assertThat(problem.get("use").asString()).isEqualTo("POST /api/v1/audit/events/search");
		assertThat(problem.get("parameters").valueStream().map(JsonNode::asString)).containsExactly("vNumber");
		assertThat(search.body()).doesNotContain(this.vNumber);
		assertThat(export.statusCode()).isEqualTo(400);
		assertThat(json(export).get("parameters").valueStream().map(JsonNode::asString)).containsExactly("bsn");
		assertThat(export.body()).doesNotContain("123456782");
		assertThat(withoutIdentifiers.statusCode()).isEqualTo(200);
	}

}
