package nl.ketenpoort.gateway.exchange;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.consent.ConsentForms;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's consent never carries another person's file: the subject a document is
 * about must be the subject whose consent is checked, identifiers are parsed at the edge
 * into a clear 400, and a refused submission never links a V-number to a BSN. Driven
 * through the public API only, the way the outside probe found these.
 */
class SubjectIntegrityIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	DataSource dataSource;

	@Autowired
	Subjects subjects;

	@Autowired
	List<Command> commands;

	@Test
	void aDocumentAboutAnotherPersonIsRefusedUnderThisPersonsConsent() {
		// given: Amira consented, Yonas did not
		String amira = newVNumber();
		String yonas = newVNumber();
		grantOnBehalf(amira);
		ObjectNode document = profileOf(yonas, null);
		String key = UUID.randomUUID().toString();

		// when TVS sends Yonas's profile under Amira's consent
		HttpResponse<String> response = submit(key, request(amira, null, document));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo("SUBJECT_MISMATCH");
		assertThat(problem.get("mismatches").toString()).contains("/document/subject/vNumber")
			.doesNotContain(yonas)
			.doesNotContain(amira);
		assertThat(response.body()).doesNotContain(yonas);
		assertThat(refusalReason(problem)).isEqualTo("SUBJECT_MISMATCH");
		assertThat(storedExchanges(key)).as("nothing stored").isZero();
		this.fixtures.chained();
		assertThat(this.jdbc()
			.sql("SELECT count(*) FROM audit_event WHERE trace_id = ? AND subject_ref LIKE 'vnr_%'")
			.param(problem.get("traceId").asString())
			.query(Long.class)
			.single()).as("the refusal names the envelope's subject by pseudonym").isEqualTo(1);
	}

	@Test
	void aBsnInTheDocumentThatTheEnvelopeDoesNotNameIsRefused() {
		// given
		String amira = newVNumber();
		grantOnBehalf(amira);
		String key = UUID.randomUUID().toString();

		// when the document carries a BSN the envelope does not vouch for
		HttpResponse<String> response = submit(key, request(amira, null, profileOf(amira, newBsn())));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("code").asString()).isEqualTo("SUBJECT_MISMATCH");
		assertThat(json(response).get("mismatches").toString()).contains("/document/subject/bsn")
			.doesNotContain("/document/subject/vNumber");
		assertThat(storedExchanges(key)).isZero();
	}

	@Test
	void theSamePersonInEnvelopeAndDocumentIsAccepted() {
		// given: the V-number written as people write it, the BSN in both
		String amira = newVNumber();
		String bsn = newBsn();
		grantOnBehalf(amira);
		String key = UUID.randomUUID().toString();
		String typed = "V " + amira.substring(0, 4) + "-" + amira.substring(4);

		// when
		HttpResponse<String> response = submit(key, request(typed, bsn, profileOf(amira, bsn)));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(storedExchanges(key)).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12", "", "1234567890123456789012345678901234567890", "V-abc" })
	void aMalformedVNumberIsA400ThatIsAuditedWithABoundedCode(String vNumber) {
		// given
		String key = UUID.randomUUID().toString();

		// when
		HttpResponse<String> response = submit(key, request(vNumber, null, profileOf(newVNumber(), null)));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo("INVALID_SUBJECT");
		assertThat(problem.get("reason").asString()).isEqualTo("V_NUMBER_MALFORMED");
		if (!vNumber.isEmpty()) {
			assertThat(response.body()).doesNotContain("\"" + vNumber + "\"").doesNotContain(" " + vNumber);
		}
		assertThat(refusalReason(problem)).isEqualTo("V_NUMBER_MALFORMED");
		assertThat(storedExchanges(key)).isZero();
	}

	@Test
	void aBsnThatFailsTheElevenTestIsA400() {
		HttpResponse<String> response = submit(UUID.randomUUID().toString(),
				request(newVNumber(), "111222334", profileOf(newVNumber(), null)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("reason").asString()).isEqualTo("BSN_CHECK_FAILED");
		assertThat(refusalReason(json(response))).isEqualTo("BSN_CHECK_FAILED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12", "abc" })
	void theOfficersSearchWithAMalformedVNumberIsA400AndAudited(String vNumber) {
		// given
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");

		// when
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/audit/events/search"))
			.header("Authorization", "Bearer " + officer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"vNumber\":\"" + vNumber + "\"}")));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("code").asString()).isEqualTo("INVALID_SUBJECT");
		this.fixtures.chained();
		assertThat(this.jdbc()
			.sql("SELECT reason_code FROM audit_event WHERE trace_id = ? AND event_type = 'audit-read'"
					+ " AND outcome = 'REFUSED'")
			.param(json(response).get("traceId").asString())
			.query(String.class)
			.list()).containsExactly("search:V_NUMBER_MALFORMED");
	}

	@Test
	void aRefusedSubmissionNeverLinksAVNumberToABsn() {
		// given: Yonas consented under his V-number; his BSN is not known yet
		String yonas = newVNumber();
		String yonasBsn = newBsn();
		grantOnBehalf(yonas);
		// and a submission pairing a stranger's V-number with Yonas's BSN is refused
		String stranger = newVNumber();
		HttpResponse<String> refused = submit(UUID.randomUUID().toString(),
				request(stranger, yonasBsn, profileOf(stranger, yonasBsn)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

		// when Yonas's own profile arrives with his V-number and BSN
		String key = UUID.randomUUID().toString();
		HttpResponse<String> legitimate = submit(key, request(yonas, yonasBsn, profileOf(yonas, yonasBsn)));

		// then it is accepted, and the BSN is linked to Yonas by that exchange
		assertThat(legitimate.statusCode()).as(legitimate.body()).isEqualTo(202);
		String exchangeId = json(legitimate).get("id").asString();
		List<Map<String, Object>> links = this.jdbc()
			.sql("SELECT i.subject, i.source_exchange::text AS source FROM consent_subject_identifier i"
					+ " JOIN exchange e ON e.subject_ref = i.subject WHERE e.id = ?::uuid AND i.identifier_pseudonym LIKE 'bsn_%'")
			.param(exchangeId)
			.query()
			.listOfRows();
		assertThat(links).singleElement().satisfies((link) -> assertThat(link.get("source")).isEqualTo(exchangeId));
		// and the stranger's V-number was never recorded
		this.fixtures.chained();
		assertThat(this.jdbc()
			.sql("SELECT count(*) FROM consent_subject_identifier WHERE subject = (SELECT subject_ref FROM audit_event"
					+ " WHERE trace_id = ? LIMIT 1)")
			.param(json(refused).get("traceId").asString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void linksThatNoAcceptedExchangeRecordedAreListedForAnOperatorAndKept() {
		// given a link as a refused submission could write it before links were tied to
		// accepted exchanges
		SubjectRef subject = this.subjects.enrol(VNumber.parse(newVNumber()));
		String poisoned = "bsn_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
		this.jdbc()
			.sql("INSERT INTO consent_subject_identifier (identifier_pseudonym, subject) VALUES (?, ?)")
			.params(poisoned, subject.pseudonym())
			.update();
		Command review = this.commands.stream()
			.filter((command) -> command.group().equals("subjects") && command.name().equals("review-links"))
			.findFirst()
			.orElseThrow();
		StringWriter out = new StringWriter();

		// when
		int exit = review.run(List.of(), new PrintWriter(out, true));

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(out.toString()).contains("bsn\t" + poisoned + "\t" + subject.pseudonym());
		assertThat(this.jdbc()
			.sql("SELECT count(*) FROM consent_subject_identifier WHERE identifier_pseudonym = ?")
			.param(poisoned)
			.query(Long.class)
			.single()).as("nothing is deleted").isOne();
	}

	private void grantOnBehalf(String vNumber) {
		ObjectNode grant = ConsentForms
			.onBehalf(ConsentForms.grant(this.purposes, PURPOSE, "tvs", "raak", "client-profile", "nl"), vNumber);
		HttpResponse<String> granted = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.CASE_MANAGER, "coa"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
	}

	private HttpResponse<String> submit(String idempotencyKey, ObjectNode request) {
		return send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
	}

	private static ObjectNode request(String vNumber, String bsn, ObjectNode document) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", PURPOSE);
		request.put("recipient", "raak");
		ObjectNode subject = request.putObject("subject");
		subject.put("vNumber", vNumber);
		if (bsn != null) {
			subject.put("bsn", bsn);
		}
		request.set("document", document);
		return request;
	}

	private static ObjectNode profileOf(String vNumber, String bsn) {
		ObjectNode profile = ExchangeExamples.clientProfile();
		ObjectNode subject = profile.putObject("subject");
		subject.put("vNumber", vNumber);
		if (bsn != null) {
			subject.put("bsn", bsn);
		}
		return profile;
	}

	private String refusalReason(JsonNode problem) {
		this.fixtures.chained();
		return this.jdbc()
			.sql("SELECT reason_code FROM audit_event WHERE trace_id = ? AND event_type = 'refused'")
			.param(problem.get("traceId").asString())
			.query(String.class)
			.single();
	}

	private long storedExchanges(String idempotencyKey) {
		return this.jdbc()
			.sql("SELECT count(*) FROM exchange WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(Long.class)
			.single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	private static String newVNumber() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
	}

	/** A random nine-digit number that passes the 11-test. */
	static String newBsn() {
		while (true) {
			String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (9 - i) * (digits.charAt(i) - '0');
			}
			sum -= digits.charAt(8) - '0';
			if (sum % 11 == 0 && sum != 0) {
				return digits;
			}
		}
	}

}
