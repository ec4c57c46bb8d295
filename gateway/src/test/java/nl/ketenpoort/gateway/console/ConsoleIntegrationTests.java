package nl.ketenpoort.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.BackgroundVerification;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.portal.PageSession;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over HTTP with a login session: on-behalf consent, a status holder's
 * documents and contact person, the privacy officer's organisation-scoped and audited
 * reads, the operator's page, and who may not enter which part.
 */
class ConsoleIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	DataSource dataSource;

	private String vNumber;

	private SubjectRef subject;

	@BeforeEach
	void statusHolder() {
		Fixtures.StatusHolder statusHolder = this.fixtures.newStatusHolder();
		this.vNumber = statusHolder.vNumber();
		this.subject = statusHolder.subject();
	}

	@Test
	void caseManagerRecordsConsentGivenWithAnInterpreter() {
		// given
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession session = PageSession.logIn(this.port, caseManager.username(), caseManager.password());
		String form = session.get("/console/consents").body();
		assertThat(form).contains("value=\"handover-coa-municipality:0\"")
			.doesNotContain("value=\"handover-notice:0\"");

		// when
		HttpResponse<String> recorded = session.post("/console/consents",
				Map.of("vNumber", this.vNumber, "route", "handover-coa-municipality:0", "language", "ti", "method",
						"interpreter", "reference", "TOLK-2026-117"));

		// then
		assertThat(recorded.statusCode()).isEqualTo(200);
		assertThat(recorded.body()).contains("id=\"recorded\"");
		List<Consent> consents = this.registry.listForSubject(this.subject);
		assertThat(consents).singleElement().satisfies((consent) -> {
			assertThat(consent.method())
				.isEqualTo(ConsentMethod.onBehalfInterpreter(caseManager.id().toString(), "TOLK-2026-117"));
			assertThat(consent.language()).isEqualTo("ti");
			assertThat(consent.textSha256())
				.isEqualTo(this.catalogue.get("handover-coa-municipality").text("ti").sha256());
			assertThat(consent.from()).isEqualTo("tvs");
			assertThat(consent.to()).containsExactly("raak");
		});
	}

	@Test
	void onARouteToSeveralSchoolsTheCaseManagerRecordsTheOneTheStatusHolderChose() {
		// given: the language-course route from COA reaches the opstartklas and two
		// schools
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession session = PageSession.logIn(this.port, caseManager.username(), caseManager.password());
		String form = session.get("/console/consents").body();
		assertThat(form).contains("value=\"language-course-placement:0:taalschool-a\"")
			.contains("value=\"language-course-placement:0:taalschool-b\"")
			.doesNotContain("value=\"language-course-placement:0\"");

		// when
		session.post("/console/consents", Map.of("vNumber", this.vNumber, "route",
				"language-course-placement:0:taalschool-b", "language", "nl", "method", "paper", "reference", "F-88"));
		session.post("/console/consents", Map.of("vNumber", this.vNumber, "route",
				"language-course-placement:0:opstartklas", "language", "nl", "method", "paper", "reference", "F-88"));

		// then: one consent per chosen organisation, side by side
		assertThat(this.registry.listForSubject(this.subject))
			.filteredOn((consent) -> consent.purpose().equals("language-course-placement"))
			.extracting(Consent::to)
			.containsExactlyInAnyOrder(List.of("taalschool-b"), List.of("opstartklas"));
	}

	@Test
	void anIncompleteOnBehalfFormStoresNothing() {
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession session = PageSession.logIn(this.port, caseManager.username(), caseManager.password());
		session.get("/console/consents");

		HttpResponse<String> refused = session.post("/console/consents", Map.of("vNumber", this.vNumber, "route",
				"handover-coa-municipality:0", "language", "nl", "method", "paper", "reference", " "));

		assertThat(refused.body()).contains("class=\"error\"");
		assertThat(this.registry.listForSubject(this.subject)).isEmpty();
	}

	@Test
	void operatorReplaysADeadLetter() {
		// given: an exchange that delivery gave up on
		grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		UUID dead = submit("tvs", "client-profile", "handover-coa-municipality", "raak",
				ExchangeExamples.clientProfile());
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("UPDATE exchange SET status = 'dead-lettered', attempts = 40, last_error = 'SERVER_ERROR'"
				+ " WHERE id = ?")
			.param(dead)
			.update();
		TestTokens.Login operator = this.tokens.newPerson(Role.OPERATOR, null, null);
		PageSession session = PageSession.logIn(this.port, operator.username(), operator.password());
		assertThat(session.get("/console/operations").body()).contains(dead.toString());

		// when
		HttpResponse<String> replayed = session.post("/console/operations/dead-letters/" + dead + "/replay", Map.of());

		// then
		assertThat(replayed.statusCode()).isIn(200, 302, 303);
		assertThat(jdbc.sql("SELECT status FROM exchange WHERE id = ?").param(dead).query(String.class).single())
			.isEqualTo("accepted");
		assertThat(jdbc.sql("SELECT attempts FROM exchange WHERE id = ?").param(dead).query(Integer.class).single())
			.isZero();
		assertThat(auditReasons(operator.id(), "replayed")).as("the replay is audited with the operator as actor")
			.containsExactly("DEAD_LETTERED");
	}

	@Test
	void caseManagerSeesTheDocumentsAndTheReceivingContactPerson() {
		// given: a client profile sent to the municipality, and its handover notice back
		grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		grant("handover-notice", "raak", "tvs", DocumentType.of("handover-notice"));
		UUID profile = submit("tvs", "client-profile", "handover-coa-municipality", "raak",
				ExchangeExamples.clientProfile());
		UUID notice = submit("raak", "handover-notice", "handover-notice", "tvs", handoverNotice());
		JdbcClient.create(this.dataSource)
			.sql("UPDATE exchange SET status = 'delivered', delivered_at = now() WHERE id = ?")
			.param(notice)
			.update();
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession session = PageSession.logIn(this.port, caseManager.username(), caseManager.password());
		session.get("/console/documents");

		// when
		HttpResponse<String> page = session.post("/console/documents", Map.of("vNumber", this.vNumber));

		// then
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"documents\"")
			.contains("Wacht op aflevering")
			.contains("Afgeleverd")
			.contains("Sevda Yilmaz")
			.contains("s.yilmaz@amsterdam.example.org")
			.doesNotContain(this.vNumber);
		assertThat(profile).isNotEqualTo(notice);
		assertThat(auditReasons(caseManager.id(), "audit-read")).contains("documents");
	}

	@Test
	void privacyOfficerOfAnotherOrganisationCannotOpenTheTrailAndTheAttemptIsAudited() {
		// given: an exchange between COA and the municipality only
		grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		UUID exchange = submit("tvs", "client-profile", "handover-coa-municipality", "raak",
				ExchangeExamples.clientProfile());
		TestTokens.Login vwn = this.tokens.newPerson(Role.PRIVACY_OFFICER, "vwn", null);
		TestTokens.Login coa = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);

		// when
		HttpResponse<String> denied = PageSession.logIn(this.port, vwn.username(), vwn.password())
			.get("/console/audit/exchanges/" + exchange);
		HttpResponse<String> allowed = PageSession.logIn(this.port, coa.username(), coa.password())
			.get("/console/audit/exchanges/" + exchange);

		// then
		assertThat(denied.statusCode()).isEqualTo(404);
		assertThat(denied.body()).doesNotContain(exchange.toString());
		assertThat(auditReasons(vwn.id(), "audit-read")).containsExactly("trail-denied");
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).contains(exchange.toString()).contains("accepted");
		assertThat(auditReasons(coa.id(), "audit-read")).containsExactly("trail");
	}

	@Test
	void privacyOfficerSearchesByVNumberInAPostVerifiesAndExports() {
		// given
		grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		UUID exchange = submit("tvs", "client-profile", "handover-coa-municipality", "raak",
				ExchangeExamples.clientProfile());
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "amsterdam", null);
		PageSession session = PageSession.logIn(this.port, officer.username(), officer.password());
		assertThat(session.get("/console/audit").body()).as("no witnesses configured here")
			.contains("data-witnessed=\"none\"");

		// when
		HttpResponse<String> found = session.post("/console/audit/search", Map.of("vNumber", this.vNumber));
		HttpResponse<String> started = session.post("/console/audit/verify", Map.of());
		String progress = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
		HttpResponse<String> verified = BackgroundVerification.awaitFinished(() -> session.get(progress),
				(page) -> page.body().contains("id=\"verify-progress\""));
		HttpResponse<String> csv = session.post("/console/audit/export",
				Map.of("vNumber", this.vNumber, "format", "csv"));
		HttpResponse<String> overview = session.get("/console/audit/overview");

		// then
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("/console/audit/exchanges/" + exchange);
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(progress).matches("/console/audit/verify/[0-9a-f-]{36}");
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("id=\"verify-result\"").contains("result-intact");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("position,recorded_at,event_type").contains(exchange.toString());
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("id=\"overview\"").contains("id=\"retention\"").contains("7 jaar");
		assertThat(auditReasons(officer.id(), "audit-read")).containsExactly("search", "verify", "overview");
		assertThat(auditReasons(officer.id(), "export")).containsExactly("csv");
	}

	@Test
	void aRunningVerificationShowsHowFarItIsAndAnotherOrganisationsOfficerDoesNotFindIt() {
		// given: a verification of the officer's organisation, 7 of 100 positions checked
		String organisation = "verify-page-" + UUID.randomUUID().toString().substring(0, 8);
		UUID job = UUID.randomUUID();
		JdbcClient.create(this.dataSource).sql("""
				INSERT INTO audit_verify_job (id, organisation, state, checked, total, started_at, heartbeat_at)
				VALUES (?, ?, 'running', 7, 100, now(), now())""").params(job, organisation).update();
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, organisation, null);
		TestTokens.Login other = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		try {
			// when
			HttpResponse<String> page = PageSession.logIn(this.port, officer.username(), officer.password())
				.get("/console/audit/verify/" + job);
			HttpResponse<String> theirs = PageSession.logIn(this.port, other.username(), other.password())
				.get("/console/audit/verify/" + job);

			// then
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<progress id=\"verify-progress\"")
				.contains("value=\"7\"")
				.contains("max=\"100\"")
				.contains("7 van 100 posities")
				.contains("href=\"/console/audit/verify/" + job + "\"")
				.doesNotContain("id=\"verify-result\"");
			assertThat(theirs.statusCode()).isEqualTo(404);
			assertThat(theirs.body()).doesNotContain("verify-progress");
		}
		finally {
			JdbcClient.create(this.dataSource)
				.sql("UPDATE audit_verify_job SET state = 'failed', failure = 'TEST', finished_at = now() WHERE id = ?")
				.param(job)
				.update();
		}
	}

	@Test
	void aMalformedVNumberInTheOfficersSearchIsSaidOnThePageAndRecordedAsRefused() {
		// given
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		PageSession session = PageSession.logIn(this.port, officer.username(), officer.password());
		session.get("/console/audit");

		// when
		HttpResponse<String> searched = session.post("/console/audit/search", Map.of("vNumber", "12-AB"));

		// then
		assertThat(searched.statusCode()).isEqualTo(200);
		assertThat(searched.body()).contains("role=\"alert\"").doesNotContain("/console/audit/exchanges/");
		assertThat(auditReasons(officer.id(), "audit-read")).containsExactly("search:V_NUMBER_MALFORMED");
	}

	@Test
	void eachRoleEntersOnlyItsOwnParts() {
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		TestTokens.Login operator = this.tokens.newPerson(Role.OPERATOR, "ketenpoort", null);
		TestTokens.Login holder = this.tokens.newPerson(Role.STATUS_HOLDER, null, this.subject.pseudonym());
		PageSession cm = PageSession.logIn(this.port, caseManager.username(), caseManager.password());
		PageSession po = PageSession.logIn(this.port, officer.username(), officer.password());
		PageSession op = PageSession.logIn(this.port, operator.username(), operator.password());
		PageSession sh = PageSession.logIn(this.port, holder.username(), holder.password());

		assertThat(cm.get("/console").body()).contains("href=\"/console/consents\"")
			.doesNotContain("href=\"/console/audit\"");
		assertThat(cm.get("/console/audit").statusCode()).isEqualTo(403);
		assertThat(po.get("/console").body()).contains("href=\"/console/audit\"")
			.doesNotContain("href=\"/console/consents\"");
		assertThat(po.get("/console/consents").statusCode()).isEqualTo(403);
		assertThat(po.get("/console/operations").statusCode()).isEqualTo(403);
		HttpResponse<String> operations = op.get("/console/operations");
		assertThat(operations.statusCode()).isEqualTo(200);
		assertThat(operations.body()).contains("id=\"partner-health\"").contains("TVS (COA)");
		assertThat(sh.get("/console").statusCode()).isEqualTo(403);
	}

	private void grant(String purpose, String from, String to, DocumentType type) {
		this.fixtures.grant(this.subject, purpose, from, List.of(to), type);
	}

	private UUID submit(String sender, String type, String purpose, String recipient, ObjectNode document) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", type);
		request.put("purpose", purpose);
		request.put("recipient", recipient);
		request.putObject("subject").put("vNumber", this.vNumber);
		request.set("document", ExchangeExamples.about(document, this.vNumber));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner(sender))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return UUID.fromString(json(response).get("id").asString());
	}

	private List<String> auditReasons(UUID actor, String type) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT reason_code FROM audit_event WHERE actor_id = ? AND event_type = ? ORDER BY position")
			.params(actor.toString(), type)
			.query(String.class)
			.list();
	}

	static ObjectNode handoverNotice() {
		try (InputStream in = ConsoleIntegrationTests.class.getClassLoader()
			.getResourceAsStream("examples/handover-notice/valid/amira-al-khatib-syria.json")) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
