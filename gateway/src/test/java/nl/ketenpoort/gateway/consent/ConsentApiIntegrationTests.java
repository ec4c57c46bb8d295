package nl.ketenpoort.gateway.consent;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status holder grants and revokes consent through the API; the catalogue and the
 * statement status are public; nobody else sees the consent; every change is in the audit
 * log.
 */
class ConsentApiIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	DataSource dataSource;

	@Autowired
	DeliveryWorker delivery;

	@Test
	void catalogueIsPublicInEveryLanguageAndRightToLeftForArabicAndFarsi() {
		for (String lang : List.of("nl", "en", "ar", "ti", "fa", "tr", "bo")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/purposes?lang=" + lang)));

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.get("language").asString()).isEqualTo(lang);
			assertThat(body.get("direction").asString())
				.isEqualTo(lang.equals("ar") || lang.equals("fa") ? "rtl" : "ltr");
			assertThat(body.get("purposes").size()).isGreaterThanOrEqualTo(4);
			assertThat(body.get("purposes").get(0).get("machineDraft").asBoolean())
				.isEqualTo(!lang.equals("nl") && !lang.equals("en"));
		}
	}

	@Test
	void statementKeysArePublished() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/.well-known/consent-jwks.json")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode key = json(response).get("keys").get(0);
		assertThat(key.get("crv").asString()).isEqualTo("P-256");
		assertThat(key.has("d")).as("no private part").isFalse();
	}

	@Test
	void statusHolderGrantsSeesAndRevokesAndOthersCannotSeeIt() {
		// given
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		String subject = this.subjects.enrol(VNumber.parse(vNumber)).pseudonym();
		String amira = this.tokens.person(Role.STATUS_HOLDER, null, subject);
		// Another V-number for sure: its first digit differs (a fixed pattern could equal
		// the
		// random one).
		String otherVNumber = (vNumber.startsWith("1") ? "2" : "1") + vNumber.substring(1);
		String someoneElse = this.tokens.person(Role.STATUS_HOLDER, null,
				this.subjects.enrol(VNumber.parse(otherVNumber)).pseudonym());
		ObjectNode grant = ConsentForms.grant(this.catalogue, "handover-coa-municipality", "tvs", "raak",
				"client-profile", "ar");

		// when
		HttpResponse<String> granted = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + amira)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));

		// then
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
		String id = json(granted).get("id").asString();
		assertThat(json(granted).get("statement").asString()).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
		HttpResponse<String> listed = send(
				HttpRequest.newBuilder(uri("/api/v1/consents")).header("Authorization", "Bearer " + amira));
		assertThat(listed.body()).contains(id);
		HttpResponse<String> foreign = send(
				HttpRequest.newBuilder(uri("/api/v1/consents/" + id)).header("Authorization", "Bearer " + someoneElse));
		assertThat(foreign.statusCode()).isEqualTo(404);
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'access-denied' AND consent_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).as("the refused read is audited").isEqualTo(1);
		assertThat(
				send(HttpRequest.newBuilder(uri("/api/v1/consents")).header("Authorization", "Bearer " + someoneElse))
					.body())
			.doesNotContain(id);

		HttpResponse<String> revokedByOther = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + id + "/revoke"))
			.header("Authorization", "Bearer " + someoneElse)
			.POST(BodyPublishers.noBody()));
		assertThat(revokedByOther.statusCode()).isEqualTo(404);

		HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + id + "/revoke"))
			.header("Authorization", "Bearer " + amira)
			.POST(BodyPublishers.noBody()));
		assertThat(revoked.statusCode()).isEqualTo(200);
		HttpResponse<String> status = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + id + "/status")));
		assertThat(json(status).get("status").asString()).isEqualTo("revoked");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT event_type FROM audit_event WHERE consent_id = ?::uuid ORDER BY position")
			.param(id)
			.query(String.class)
			.list()).containsExactly("consent-granted", "access-denied", "access-denied", "consent-revoked");
	}

	@Test
	void grantWithATextOtherThanTheOneShownIsRefused() {
		String subject = this.subjects.enrol(VNumber.parse("5550001112")).pseudonym();
		ObjectNode grant = JSON.createObjectNode();
		grant.put("purpose", "handover-coa-municipality");
		grant.put("from", "tvs");
		grant.putArray("to").add("raak");
		grant.putArray("documentTypes").add("client-profile");
		grant.put("language", "ti");
		grant.put("textSha256", this.catalogue.text("handover-coa-municipality", "nl").sha256());

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.STATUS_HOLDER, null, subject))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json(response).get("code").asString()).isEqualTo("UNPROCESSABLE");
	}

	@Test
	void caseManagerNeedsEvidenceToRecordOnBehalf() {
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");
		ObjectNode grant = ConsentForms.grant(this.catalogue, "handover-coa-municipality", "tvs", "raak",
				"client-profile", "nl");
		grant.put("vNumber", "5550001113");

		HttpResponse<String> withoutEvidence = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + caseManager)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));
		grant.put("evidenceReference", "COA-form-2026-0042");
		HttpResponse<String> withEvidence = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + caseManager)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));

		HttpResponse<String> otherOrganisation = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.CASE_MANAGER, "amsterdam"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));

		assertThat(withoutEvidence.statusCode()).isEqualTo(422);
		assertThat(json(withoutEvidence).get("code").asString()).isEqualTo("INVALID_GRANT");
		assertThat(json(withoutEvidence).get("missing").toString()).isEqualTo("[\"/evidenceReference\"]");
		assertThat(otherOrganisation.statusCode()).as("municipality records nothing COA shares").isEqualTo(403);
		assertThat(withEvidence.statusCode()).as(withEvidence.body()).isEqualTo(201);
		assertThat(json(withEvidence).get("method").asString()).isEqualTo("on-behalf-paper");
	}

	@Test
	void aSecondIdenticalGrantAnswersTheFirstConsentAndRevokingItStopsTheExchange() {
		// given: a status holder grants the same consent twice
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		String holder = this.tokens.person(Role.STATUS_HOLDER, null,
				this.subjects.enrol(VNumber.parse(vNumber)).pseudonym());
		ObjectNode grant = ConsentForms.grant(this.catalogue, "handover-coa-municipality", "tvs", "raak",
				"client-profile", "nl");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		SoftAssertions softly = new SoftAssertions();

		// when
		HttpResponse<String> first = grant(holder, grant);
		HttpResponse<String> second = grant(holder, grant);

		// then: the second grant names the first consent; nothing new was granted
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String id = json(first).get("id").asString();
		softly.assertThat(second.statusCode()).as("second grant").isEqualTo(200);
		softly.assertThat(json(second).get("id").asString()).as("second grant's consent").isEqualTo(id);
		softly.assertThat(second.headers().firstValue("Location")).hasValue("/api/v1/consents/" + id);
		this.fixtures.chained();
		softly
			.assertThat(jdbc.sql("SELECT event_type FROM audit_event WHERE consent_id = ?::uuid ORDER BY position")
				.param(id)
				.query(String.class)
				.list())
			.containsExactly("consent-granted", "consent-grant-duplicate");

		// when: TVS sends, and the consent the exchange relied on is revoked before
		// delivery
		String exchange = submit(vNumber);
		String reliedOn = jdbc.sql("SELECT consent_id::text FROM exchange WHERE id = ?::uuid")
			.param(exchange)
			.query(String.class)
			.single();
		softly.assertThat(reliedOn).as("the consent the exchange relied on").isEqualTo(id);
		HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + reliedOn + "/revoke"))
			.header("Authorization", "Bearer " + holder)
			.POST(BodyPublishers.noBody()));
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		for (int round = 0; round < 3; round++) {
			this.delivery.runOnce();
		}

		// then: refused at delivery, audited under that consent, nothing at the partner
		softly.assertThat(
				jdbc.sql("SELECT status FROM exchange WHERE id = ?::uuid").param(exchange).query(String.class).single())
			.as("exchange status")
			.isEqualTo("refused");
		this.fixtures.chained();
		softly.assertThat(jdbc
			.sql("SELECT event_type || ' ' || coalesce(reason_code, '-') || ' ' || consent_id"
					+ " FROM audit_event WHERE exchange_id = ?::uuid ORDER BY position")
			.param(exchange)
			.query(String.class)
			.list()).containsExactly("accepted - " + reliedOn, "refused REVOKED " + reliedOn);
		softly.assertThat(deliveredTo("raak", exchange)).as("documents at RAAK").isEmpty();
		softly.assertAll();
	}

	@Test
	void aGrantOverlappingAnActiveConsentOnlyPartlyIsAConflictNamingIt() {
		// given
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		String holder = this.tokens.person(Role.STATUS_HOLDER, null,
				this.subjects.enrol(VNumber.parse(vNumber)).pseudonym());
		ObjectNode grant = ConsentForms.grant(this.catalogue, "language-course-placement", "tvs", "opstartklas",
				"nt2-learner-profile", "nl");
		HttpResponse<String> first = grant(holder, grant);
		grant.putArray("to").add("opstartklas").add("taalschool-a");

		// when
		HttpResponse<String> wider = grant(holder, grant);

		// then
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(wider.statusCode()).as(wider.body()).isEqualTo(409);
		assertThat(json(wider).get("code").asString()).isEqualTo("CONSENT_OVERLAPS");
		assertThat(json(wider).get("reason").asString()).isEqualTo("OVERLAPS_ACTIVE_CONSENT");
		assertThat(json(wider).get("existingConsent").asString()).isEqualTo(json(first).get("id").asString());
	}

	@Test
	void aGrantMissingAMemberAnswers422NamingItAndIsAuditedOnceAsRefused() {
		// given: a status holder and a complete grant
		String subject = this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))))
			.pseudonym();
		String holder = this.tokens.person(Role.STATUS_HOLDER, null, subject);
		ObjectNode complete = ConsentForms.grant(this.catalogue, "handover-coa-municipality", "tvs", "raak",
				"client-profile", "nl");
		List<String> members = List.of("purpose", "from", "to", "documentTypes", "language", "textSha256");
		SoftAssertions softly = new SoftAssertions();

		// when: each member is left out, then sent as null
		for (String member : members) {
			for (boolean explicitNull : List.of(false, true)) {
				ObjectNode grant = complete.deepCopy();
				if (explicitNull) {
					grant.putNull(member);
				}
				else {
					grant.remove(member);
				}
				HttpResponse<String> response = grant(holder, grant);

				// then: 422 naming the member by pointer, never a 500
				String label = member + (explicitNull ? " null" : " missing");
				softly.assertThat(response.statusCode()).as(label + ": " + response.body()).isEqualTo(422);
				softly.assertThat(response.headers().firstValue("Content-Type"))
					.as(label)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				if (response.statusCode() == 422) {
					softly.assertThat(json(response).get("code").asString()).as(label).isEqualTo("INVALID_GRANT");
					softly.assertThat(json(response).path("missing").toString())
						.as(label)
						.isEqualTo("[\"/" + member + "\"]");
				}
			}
		}
		ObjectNode nullRecipient = complete.deepCopy();
		nullRecipient.putArray("to").add("raak").addNull();
		HttpResponse<String> response = grant(holder, nullRecipient);
		softly.assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		softly.assertThat(response.body()).contains("\"/to/1\"").doesNotContain("raak");

		// then: each refusal is audited once, with a bounded reason, and nothing granted
		this.fixtures.chained();
		softly
			.assertThat(JdbcClient.create(this.dataSource)
				.sql("SELECT event_type || ' ' || outcome || ' ' || reason_code FROM audit_event WHERE subject_ref = ?"
						+ " ORDER BY position")
				.param(subject)
				.query(String.class)
				.list())
			.hasSize(members.size() * 2 + 1)
			.containsOnly("consent-grant-refused REFUSED MEMBER_MISSING");
		softly.assertAll();
	}

	@Test
	void aGrantOfTheWrongShapeAnswersAProblemNeverAServerError() {
		String holder = this.tokens.person(Role.STATUS_HOLDER, null, this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))))
			.pseudonym());
		List<String> bodies = List.of("null", "[]", "\"consent\"", "{\"to\": \"raak\"}", "{\"to\": {\"a\": 1}}",
				"{\"documentTypes\": [[\"client-profile\"]]}", "{\"validUntil\": \"soon\"}", "{\"purpose\": 7}");
		SoftAssertions softly = new SoftAssertions();
		for (String body : bodies) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
				.header("Authorization", "Bearer " + holder)
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body)));
			softly.assertThat(response.statusCode()).as(body + ": " + response.body()).isIn(400, 422);
			softly.assertThat(response.body()).as(body).doesNotContain("raak", "soon", "Exception");
		}
		softly.assertAll();
	}

	@Test
	void everyRefusedGrantIsAuditedOnceWithTheRegistrysReason() {
		// given: a grant whose text is not the catalogue text in its language
		String subject = this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))))
			.pseudonym();
		String holder = this.tokens.person(Role.STATUS_HOLDER, null, subject);
		ObjectNode grant = JSON.createObjectNode();
		grant.put("purpose", "handover-coa-municipality");
		grant.put("from", "tvs");
		grant.putArray("to").add("raak");
		grant.putArray("documentTypes").add("client-profile");
		grant.put("language", "nl");
		grant.put("textSha256", this.catalogue.text("handover-coa-municipality", "ar").sha256());
		ObjectNode unknownPurpose = grant.deepCopy().put("purpose", "<script>alert(1)</script>");
		ObjectNode unknownType = grant.deepCopy();
		unknownType.putArray("documentTypes").add("Amira's file");

		// when
		HttpResponse<String> mismatch = grant(holder, grant);
		HttpResponse<String> purpose = grant(holder, unknownPurpose);
		HttpResponse<String> type = grant(holder, unknownType);

		// then
		assertThat(mismatch.statusCode()).isEqualTo(422);
		assertThat(List.of(purpose.statusCode(), type.statusCode())).as("codes that name nothing are invalid input")
			.containsOnly(400);
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT event_type || ' ' || reason_code || ' ' || coalesce(purpose, '-') FROM audit_event"
					+ " WHERE subject_ref = ? ORDER BY position")
			.param(subject)
			.query(String.class)
			.list()).containsExactly("consent-grant-refused TEXT_MISMATCH handover-coa-municipality",
					"consent-grant-refused UNKNOWN_PURPOSE -",
					"consent-grant-refused UNKNOWN_DOCUMENT_TYPE handover-coa-municipality");
	}

	private HttpResponse<String> grant(String token, ObjectNode grant) {
		return send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));
	}

	private String submit(String vNumber) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), vNumber));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json(response).get("id").asString();
	}

}
