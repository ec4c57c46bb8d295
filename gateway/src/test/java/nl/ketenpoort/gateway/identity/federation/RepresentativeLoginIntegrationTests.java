package nl.ketenpoort.gateway.identity.federation;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.internal.federation.FederatedLoginIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A representative signs in through the DigiD broker with the OIDC NL GOV
 * {@code represents} claim, against the real broker on loopback ({@link TestProviders}):
 * under a mandate that holds, the session is the represented person's portal and every
 * act in it names representative, subject and mandate; without one, or with one that
 * ended, the sign-in is refused with a page and a {@code login-failed} reason, never the
 * representative's own portal instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepresentativeLoginIntegrationTests extends GatewayIntegrationTest {

	private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	DataSource dataSource;

	private String caseManager;

	@BeforeAll
	void caseManager() {
		this.caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");
	}

	@Test
	void aGuardianWithAMandateSeesThePortalOfTheMinorAndActsInTheirName() {
		// given: a minor with two consents, and a Nidos guardian the registry knows as no
		// status holder, named in the mandate by the BSN they sign in with
		String minorBsn = FederatedLoginIntegrationTests.randomBsn();
		SubjectRef minor = this.subjects.enrol(Bsn.parse(minorBsn));
		UUID consent = grant(minor, "handover-coa-municipality", "raak");
		UUID other = grant(minor, "social-guidance-vwn", "vvs");
		String guardianBsn = FederatedLoginIntegrationTests.randomBsn();
		JsonNode recorded = json(record(mandate(minorBsn).put("representativeBsn", guardianBsn)));
		String mandate = recorded.get("id").asString();
		UUID guardian = UUID.fromString(recorded.get("representative").asString());

		// when
		ProviderSession browser = signIn(guardianBsn, Map.of("sub", minorBsn), "nl");
		HttpResponse<String> portal = browser.get("/portal");
		HttpResponse<String> revoked = browser.post("/portal/consents/" + consent + "/revoke", Map.of());
		browser.get("/portal");
		String purpose = "language-course-placement";
		HttpResponse<String> granted = browser.post("/portal/consents", Map.of("purpose", purpose, "language", "nl",
				"textSha256", this.catalogue.text(purpose, "nl").sha256(), "recipients", "taalschool-a"));

		// then: the minor's portal, said to be someone else's
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains(consent.toString(), other.toString(), "id=\"acting-for\"");
		assertThat(auditRows("login-succeeded", guardian)).containsExactly(minor + " " + mandate);
		// and what the guardian does is recorded as the guardian acting for the minor
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(this.registry.status(consent)).isEqualTo(ConsentStatus.REVOKED);
		this.fixtures.chained();
		assertThat(jdbc()
			.sql("SELECT actor_id || ' ' || subject_ref || ' ' || actor_mandate FROM audit_event"
					+ " WHERE event_type = 'consent-revoked' AND consent_id = ?")
			.param(consent)
			.query(String.class)
			.list()).containsExactly(guardian + " " + minor + " " + mandate);
		assertThat(granted.statusCode()).isEqualTo(302);
		assertThat(jdbc()
			.sql("SELECT h.actor FROM consent_history h JOIN consent c ON c.id = h.consent_id"
					+ " WHERE c.subject = ? AND c.purpose_code = ? AND h.event = 'granted'")
			.params(minor.pseudonym(), purpose)
			.query(String.class)
			.list()).containsOnly(guardian.toString());
		assertThat(auditRows("consent-granted", guardian)).containsOnly(minor + " " + mandate);
		// and the guardian's account has no subject of its own, and no BSN is stored
		assertThat(jdbc().sql("SELECT count(*) FROM identity_person WHERE id = ? AND subject_ref IS NULL")
			.param(guardian)
			.query(Long.class)
			.single()).isEqualTo(1);
		this.fixtures.chained();
		assertThat(jdbc()
			.sql("SELECT count(*) FROM audit_event a WHERE a::text LIKE ? OR a::text LIKE ?"
					+ " OR EXISTS (SELECT 1 FROM identity_person p WHERE p::text LIKE ? OR p::text LIKE ?)")
			.params("%" + minorBsn + "%", "%" + guardianBsn + "%", "%" + minorBsn + "%", "%" + guardianBsn + "%")
			.query(Long.class)
			.single()).isZero();

		// when: the guardian signs in without represents
		long noSubject = auditCount("NO_SUBJECT");
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", guardianBsn));
		ProviderSession alone = new ProviderSession(this.port, "en");
		HttpResponse<String> own = alone.signIn("broker");

		// then: they have no portal of their own
		assertThat(own.statusCode()).isEqualTo(403);
		assertThat(alone.get("/portal").statusCode()).isEqualTo(302);
		assertThat(auditCount("NO_SUBJECT")).isEqualTo(noSubject + 1);
	}

	@Test
	void withoutAMandateTheSignInIsRefusedAndIsNotTheRepresentativesOwnPortal() {
		// given: a status holder who names someone they hold no mandate for
		String ownBsn = FederatedLoginIntegrationTests.randomBsn();
		SubjectRef own = this.subjects.enrol(Bsn.parse(ownBsn));
		String otherBsn = FederatedLoginIntegrationTests.randomBsn();
		SubjectRef other = this.subjects.enrol(Bsn.parse(otherBsn));

		// when
		ProviderSession browser = startSignIn(ownBsn, Map.of("sub", otherBsn), "en");
		HttpResponse<String> refused = browser.signIn("broker");

		// then: a page, no session, and the refusal audited with its reason
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("lang=\"en\"", "No mandate recorded").doesNotContain(otherBsn, ownBsn);
		assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
		UUID account = jdbc().sql("SELECT id FROM identity_person WHERE subject_ref = ? AND provider_issuer = ?")
			.params(own.pseudonym(), TestProviders.issuer("broker"))
			.query(UUID.class)
			.single();
		assertThat(loginEvents(account)).containsExactly("login-failed:NO_MANDATE");
		assertThat(auditRows("access-denied", account)).containsExactly(other + " ");
	}

	@Test
	void aMandatePastItsEndStopsTheOpenSessionAndRefusesTheNextSignIn() {
		// given: a representative acting for a status holder
		String bsn = FederatedLoginIntegrationTests.randomBsn();
		SubjectRef subject = this.subjects.enrol(Bsn.parse(bsn));
		UUID consent = grant(subject, "handover-coa-municipality", "raak");
		String representativeBsn = FederatedLoginIntegrationTests.randomBsn();
		JsonNode recorded = json(record(mandate(bsn).put("representativeBsn", representativeBsn)));
		UUID representative = UUID.fromString(recorded.get("representative").asString());
		ProviderSession browser = signIn(representativeBsn, Map.of("sub", bsn), "nl");
		assertThat(browser.get("/portal").body()).contains(consent.toString());

		// when: the mandate's last day passes
		jdbc()
			.sql("UPDATE mandate SET recorded_at = now() - interval '2 days', ends_at = now() - interval '1 second'"
					+ " WHERE id = ?::uuid")
			.param(recorded.get("id").asString())
			.update();
		HttpResponse<String> after = browser.get("/portal");
		ProviderSession again = startSignIn(representativeBsn, Map.of("sub", bsn), "ti");
		HttpResponse<String> refused = again.signIn("broker");

		// then: the open session no longer acts for them, and a new sign-in is refused
		assertThat(after.body()).doesNotContain(consent.toString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("lang=\"ti\"", "ውክልና ተወዲኡ");
		assertThat(again.get("/portal").statusCode()).isEqualTo(302);
		assertThat(loginEvents(representative)).containsExactly("login-succeeded:", "login-failed:MANDATE_EXPIRED");
	}

	@Test
	void aMandateRevokedDuringTheSessionNoLongerActsForThemFromTheNextRequest() {
		// given: a representative acting for a status holder
		String bsn = FederatedLoginIntegrationTests.randomBsn();
		SubjectRef subject = this.subjects.enrol(Bsn.parse(bsn));
		UUID consent = grant(subject, "handover-coa-municipality", "raak");
		String representativeBsn = FederatedLoginIntegrationTests.randomBsn();
		JsonNode recorded = json(record(mandate(bsn).put("representativeBsn", representativeBsn)));
		String mandate = recorded.get("id").asString();
		UUID representative = UUID.fromString(recorded.get("representative").asString());
		ProviderSession browser = signIn(representativeBsn, Map.of("sub", bsn), "nl");
		assertThat(browser.get("/portal").body()).contains(consent.toString());

		// when: the case manager revokes the mandate
		HttpResponse<String> revocation = send(HttpRequest.newBuilder(uri("/api/v1/mandates/" + mandate + "/revoke"))
			.header("Authorization", "Bearer " + this.caseManager)
			.POST(BodyPublishers.noBody()));
		HttpResponse<String> after = browser.get("/portal");
		HttpResponse<String> revoke = browser.post("/portal/consents/" + consent + "/revoke", Map.of());
		HttpResponse<String> refused = startSignIn(representativeBsn, Map.of("sub", bsn), "nl").signIn("broker");

		// then
		assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(200);
		assertThat(after.body()).doesNotContain(consent.toString());
		assertThat(revoke.statusCode()).isEqualTo(404);
		assertThat(this.registry.status(consent)).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(auditRows("access-denied", representative)).contains(subject + " " + mandate);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("De vertegenwoordiging is ingetrokken");
		assertThat(loginEvents(representative)).containsExactly("login-succeeded:", "login-failed:MANDATE_REVOKED");
	}

	@Test
	void representsThatNamesNoValidBsnIsRefusedNeverA500() {
		// given: a known status holder, and broken represents claims
		String bsn = FederatedLoginIntegrationTests.randomBsn();
		this.subjects.enrol(Bsn.parse(bsn));
		long before = auditCount("REPRESENTS_INVALID");

		// when
		HttpResponse<String> failsElevenTest = startSignIn(bsn, Map.of("sub", "123456789"), "nl").signIn("broker");
		HttpResponse<String> noSub = startSignIn(bsn, Map.of("sub_id_type", "urn:nl-eid-gdi:1.0:id:BSN"), "nl")
			.signIn("broker");
		HttpResponse<String> notAnObject = startSignIn(bsn, "999999990", "nl").signIn("broker");
		// a client that asks for JSON at the callback
		ProviderSession client = startSignIn(bsn, Map.of("sub", List.of("x")), "nl");
		HttpResponse<String> toProvider = client.get("/oauth2/authorization/broker");
		HttpResponse<String> toCallback = client.send(ProviderSession.location(toProvider), "text/html");
		HttpResponse<String> problem = client.send(ProviderSession.location(toCallback), "application/json");

		// then
		for (HttpResponse<String> refused : List.of(failsElevenTest, noSub, notAnObject)) {
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("Inloggen als vertegenwoordiger is niet gelukt")
				.doesNotContain("123456789");
		}
		assertThat(problem.statusCode()).isEqualTo(403);
		assertThat(json(problem).get("code").asString()).isEqualTo("LOGIN_REFUSED");
		assertThat(json(problem).get("reason").asString()).isEqualTo("REPRESENTS_INVALID");
		assertThat(auditCount("REPRESENTS_INVALID")).isEqualTo(before + 4);
	}

	// --- helpers -------------------------------------------------------------------

	/** A browser signed in through the broker with this BSN and represents claim. */
	private ProviderSession signIn(String bsn, Object represents, String language) {
		ProviderSession browser = startSignIn(bsn, represents, language);
		HttpResponse<String> callback = browser.signIn("broker");
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(ProviderSession.location(callback).getPath()).isEqualTo("/portal");
		return browser;
	}

	/** A browser whose next sign-in at the broker carries this BSN and represents. */
	private ProviderSession startSignIn(String bsn, Object represents, String language) {
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", bsn, "represents", represents));
		return new ProviderSession(this.port, language);
	}

	/** A written mandate for the status holder with this BSN, valid for a year. */
	private static ObjectNode mandate(String representedBsn) {
		return JSON.createObjectNode()
			.put("bsn", representedBsn)
			.put("kind", "WRITTEN_MANDATE")
			.put("evidenceReference", "DOSSIER-2026/0042")
			.put("validUntil", LocalDate.now(NETHERLANDS).plusYears(1).toString());
	}

	private HttpResponse<String> record(ObjectNode mandate) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/mandates"))
			.header("Authorization", "Bearer " + this.caseManager)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(mandate.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response;
	}

	private UUID grant(SubjectRef subject, String purpose, String to) {
		return this.fixtures.grant(subject, purpose, "tvs", List.of(to), DocumentType.of("client-profile")).id();
	}

	/** Subject and mandate of an actor's audit rows of a type, oldest first. */
	private List<String> auditRows(String type, UUID actor) {
		this.fixtures.chained();
		return jdbc()
			.sql("SELECT coalesce(subject_ref, '') || ' ' || coalesce(actor_mandate::text, '') FROM audit_event"
					+ " WHERE event_type = ? AND actor_id = ? ORDER BY position")
			.params(type, actor.toString())
			.query(String.class)
			.list();
	}

	private List<String> loginEvents(UUID person) {
		this.fixtures.chained();
		return jdbc()
			.sql("SELECT event_type || ':' || coalesce(reason_code, '') FROM audit_event WHERE actor_id = ?"
					+ " AND event_type LIKE 'login-%' ORDER BY position")
			.param(person.toString())
			.query(String.class)
			.list();
	}

	private long auditCount(String reason) {
		this.fixtures.chained();
		return jdbc().sql("SELECT count(*) FROM audit_event WHERE event_type = 'login-failed' AND reason_code = ?")
			.param(reason)
			.query(Long.class)
			.single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

}
