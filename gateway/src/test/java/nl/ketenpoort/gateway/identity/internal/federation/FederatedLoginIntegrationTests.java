package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.portal.PageSession;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.federation.ProviderSession;
import nl.ketenpoort.gateway.identity.federation.TestProviders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in at their organisation's OpenID provider and status holders through the
 * DigiD broker, against real providers on loopback ({@link TestProviders}), driven over
 * HTTP as a browser would: the client assertion and PKCE of the token request as the
 * provider received them, the accounts and roles the claims lead to, and every refusal
 * with its page and audit reason.
 */
public class FederatedLoginIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	People people;

	@Test
	void caseManagerSignsInAtCoaWithAClientAssertionAndPkce() throws Exception {
		// given
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-casemanager"), "organisation", "coa"));
		TestProviders.requests();
		ProviderSession browser = new ProviderSession(this.port, "nl");

		// when
		HttpResponse<String> callback = browser.signIn("coa");

		// then: in the console, as a case manager of COA
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(ProviderSession.location(callback).getPath()).isEqualTo("/console");
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		assertThat(browser.get("/console/consents").statusCode()).isEqualTo(200);
		assertThat(browser.get("/portal").statusCode()).isEqualTo(403);
		UUID person = staffAccount(sub);
		assertThat(this.people.find(person).orElseThrow().roles()).containsExactly(Role.CASE_MANAGER);
		assertThat(this.people.find(person).orElseThrow().organisation()).contains("coa");
		assertThat(auditOf(person)).containsExactly("login-succeeded:");

		// and the provider got a client assertion signed with the published key
		Map<String, String> authorize = query(browser.authorizationRequest());
		RecordedRequest token = tokenRequest(TestProviders.requests(), "/coa/token");
		Map<String, String> form = form(token.getUtf8Body());
		assertThat(form).containsEntry("grant_type", "authorization_code")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		assertThat(token.getHeader("Authorization")).isNull();
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		JWK published = clientJwks().getKeyByKeyId(assertion.getHeader().getKeyID());
		assertThat(published).isNotNull();
		assertThat(published.isPrivate()).isFalse();
		assertThat(assertion.verify(new ECDSAVerifier(published.toECKey()))).isTrue();
		assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(TestProviders.COA_CLIENT);
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(TestProviders.COA_CLIENT);
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(TestProviders.issuer("coa") + "/token");
		Instant expires = assertion.getJWTClaimsSet().getExpirationTime().toInstant();
		assertThat(expires).isAfter(Instant.now()).isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(5)));
		assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();

		// and PKCE S256: the verifier hashes to the challenge of the authorization
		// request
		assertThat(authorize).containsEntry("code_challenge_method", "S256").containsKey("nonce");
		assertThat(s256(form.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));

		// when: the next sign-in makes a new assertion
		ProviderSession again = new ProviderSession(this.port, "nl");
		assertThat(again.signIn("coa").statusCode()).isEqualTo(302);
		SignedJWT second = SignedJWT
			.parse(form(tokenRequest(TestProviders.requests(), "/coa/token").getUtf8Body()).get("client_assertion"));

		// then: another jti, and still the one account
		assertThat(second.getJWTClaimsSet().getJWTID()).isNotEqualTo(assertion.getJWTClaimsSet().getJWTID());
		assertThat(staffAccount(sub)).isEqualTo(person);
	}

	@Test
	void clientManagerSignsInAtAProviderThatTakesAClientSecret() {
		// given
		String sub = "ams-" + UUID.randomUUID();
		TestProviders.nextLogin("amsterdam", sub, Map.of("groups", List.of("klantmanager", "other-app-user")));
		TestProviders.requests();
		ProviderSession browser = new ProviderSession(this.port, "nl");

		// when
		HttpResponse<String> callback = browser.signIn("amsterdam");

		// then
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(this.people.find(staffAccount(sub)).orElseThrow().roles()).containsExactly(Role.CLIENT_MANAGER);
		RecordedRequest token = tokenRequest(TestProviders.requests(), "/amsterdam/token");
		assertThat(token.getHeader("Authorization")).startsWith("Basic ");
		assertThat(form(token.getUtf8Body())).doesNotContainKey("client_assertion").containsKey("code_verifier");
	}

	@Test
	void rolesAreReadAgainAtEverySignInAndRemovedWhenTheClaimNoLongerGivesThem() {
		// given: a privacy officer who signed in before
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub,
				Map.of("roles", List.of("coa-privacy", "coa-casemanager"), "organisation", "coa"));
		ProviderSession before = new ProviderSession(this.port, "nl");
		assertThat(before.signIn("coa").statusCode()).isEqualTo(302);
		UUID person = staffAccount(sub);
		assertThat(this.people.find(person).orElseThrow().roles()).containsExactlyInAnyOrder(Role.PRIVACY_OFFICER,
				Role.CASE_MANAGER);

		// when: one role is taken away at the provider
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-privacy"), "organisation", "coa"));
		assertThat(new ProviderSession(this.port, "nl").signIn("coa").statusCode()).isEqualTo(302);

		// then
		assertThat(this.people.find(person).orElseThrow().roles()).containsExactly(Role.PRIVACY_OFFICER);

		// when: the last one too
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("some-other-app"), "organisation", "coa"));
		ProviderSession after = new ProviderSession(this.port, "en");
		HttpResponse<String> refused = after.signIn("coa");

		// then: refused with a page, the account has no role left, and the old session
		// of the same person loses the console at once
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Your organisation has not given you a role in Ketenpoort.");
		assertThat(this.people.find(person).orElseThrow().roles()).isEmpty();
		assertThat(after.get("/console").statusCode()).isEqualTo(302);
		assertThat(before.get("/console").statusCode()).isEqualTo(403);
		assertThat(auditOf(person)).endsWith("login-failed:NO_ROLE");
	}

	@Test
	void aFirstSignInWithoutAMappedRoleMakesNoAccount() {
		// given
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-cleaner"), "organisation", "coa"));

		// when
		HttpResponse<String> refused = new ProviderSession(this.port, "nl").signIn("coa");

		// then
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Geen rol in Ketenpoort");
		assertThat(accounts(sub)).isZero();
	}

	@Test
	void aTokenOfCoasProviderNamingAnotherOrganisationIsRefused() {
		// given: COA's provider says this person works for Amsterdam
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-casemanager"), "organisation", "amsterdam"));
		long before = auditCount("login-failed", "ORGANISATION_MISMATCH");

		// when
		ProviderSession browser = new ProviderSession(this.port, "nl");
		HttpResponse<String> refused = browser.signIn("coa");

		// then: no account, no session, audited
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Ingelogd bij de verkeerde organisatie");
		assertThat(accounts(sub)).isZero();
		assertThat(browser.get("/console").statusCode()).isEqualTo(302);
		assertThat(auditCount("login-failed", "ORGANISATION_MISMATCH")).isEqualTo(before + 1);
	}

	@Test
	void aTokenOfCoasProviderWithoutTheOrganisationClaimIsRefused() {
		// given
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-casemanager")));

		// when
		HttpResponse<String> refused = new ProviderSession(this.port, "nl").signIn("coa");

		// then
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(accounts(sub)).isZero();
	}

	@Test
	void aLocalAccountOfTheSameNameIsNeverMergedWithASignInAtTheProvider() {
		// given: a local account whose username is the provider's sub and user name
		String name = "jdevries-" + UUID.randomUUID();
		UUID local = this.people.create(name, "local-password-1", Set.of(Role.CASE_MANAGER), "coa", null);
		TestProviders.nextLogin("coa", name, Map.of("roles", List.of("coa-privacy"), "organisation", "coa",
				"preferred_username", name, "email", name + "@coa.example"));

		// when
		assertThat(new ProviderSession(this.port, "nl").signIn("coa").statusCode()).isEqualTo(302);

		// then: two accounts, each with its own roles; the local one still logs in
		UUID federated = staffAccount(name);
		assertThat(federated).isNotEqualTo(local);
		assertThat(this.people.find(local).orElseThrow().roles()).containsExactly(Role.CASE_MANAGER);
		assertThat(this.people.find(federated).orElseThrow().roles()).containsExactly(Role.PRIVACY_OFFICER);
		assertThat(this.people.find(federated).orElseThrow().username()).doesNotContain(name);
		PageSession.logIn(this.port, name, "local-password-1");
		assertThat(auditOf(local)).containsExactly("login-succeeded:");
	}

	@Test
	void aProgrammeManagerReachesTheConsoleAndNoOnesData() {
		// given
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("chain-monitor"), "organisation", "coa"));
		ProviderSession browser = new ProviderSession(this.port, "nl");

		// when
		assertThat(browser.signIn("coa").statusCode()).isEqualTo(302);

		// then
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		assertThat(browser.get("/console/consents").statusCode()).isEqualTo(403);
		assertThat(browser.get("/console/audit").statusCode()).isEqualTo(403);
		assertThat(browser.get("/console/operations").statusCode()).isEqualTo(403);
	}

	@Test
	void statusHolderSignsInThroughTheBrokerAndPairwiseSubsReachOneAccount() {
		// given: a status holder the registry knows by BSN
		String bsn = randomBsn();
		SubjectRef subject = this.subjects.enrol(Bsn.parse(bsn));
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", bsn));
		TestProviders.requests();
		ProviderSession first = new ProviderSession(this.port, "nl");

		// when
		HttpResponse<String> callback = first.signIn("broker");

		// then: in the portal, as that subject
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(ProviderSession.location(callback).getPath()).isEqualTo("/portal");
		assertThat(first.get("/portal").statusCode()).isEqualTo(200);
		assertThat(first.get("/console").statusCode()).isEqualTo(403);
		Map<String, String> authorize = query(first.authorizationRequest());
		assertThat(authorize).containsEntry("acr_values",
				"http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high");
		assertThat(authorize).containsEntry("ui_locales", "nl").containsEntry("code_challenge_method", "S256");
		UUID account = statusHolderAccount(subject);
		assertThat(this.people.find(account).orElseThrow().roles()).containsExactly(Role.STATUS_HOLDER);

		// when: the broker names the same person by another (pairwise) sub
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", "http://eidas.europa.eu/LoA/high", "bsn", bsn));
		assertThat(new ProviderSession(this.port, "nl").signIn("broker").statusCode()).isEqualTo(302);

		// then: the same account; the BSN is stored nowhere, and the broker's subs
		// neither
		assertThat(statusHolderAccount(subject)).isEqualTo(account);
		assertThat(auditOf(account)).containsExactly("login-succeeded:", "login-succeeded:");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("SELECT count(*) FROM identity_person p WHERE p::text LIKE ? OR p::text LIKE '%pairwise-%'")
			.param("%" + bsn + "%")
			.query(Long.class)
			.single()).isZero();
		this.fixtures.chained();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event a WHERE a::text LIKE ?")
			.param("%" + bsn + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLevelOfAssuranceBelowTheListIsRefusedInThePersonsLanguage() {
		// given
		String bsn = randomBsn();
		this.subjects.enrol(Bsn.parse(bsn));
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", "http://eidas.europa.eu/LoA/low", "bsn", bsn));
		long before = auditCount("login-failed", "ACR_TOO_LOW");
		ProviderSession browser = new ProviderSession(this.port, "ti");

		// when
		HttpResponse<String> refused = browser.signIn("broker");

		// then
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("lang=\"ti\"").contains("ልዑል ደረጃ ምእታው የድሊ");
		assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
		assertThat(auditCount("login-failed", "ACR_TOO_LOW")).isEqualTo(before + 1);
	}

	@Test
	void someoneWhoseBsnTheRegistryDoesNotKnowSeesOnlyTheExplanation() {
		// given
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", randomBsn()));
		long before = auditCount("login-failed", "NO_SUBJECT");
		ProviderSession browser = new ProviderSession(this.port, "en");

		// when
		HttpResponse<String> explained = browser.signIn("broker");

		// then: the paper-consent explanation, and no way into the portal
		assertThat(explained.statusCode()).isEqualTo(403);
		assertThat(explained.body()).contains("your case manager records your consent with you on a paper form");
		assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
		assertThat(browser.send(uri("/api/v1/audit/me"), "application/json").statusCode()).isEqualTo(401);
		assertThat(auditCount("login-failed", "NO_SUBJECT")).isEqualTo(before + 1);
	}

	@Test
	void aBrokerTokenWithoutAValidBsnIsRefused() {
		// given: 123456789 fails the 11-test
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", "123456789"));

		// when
		HttpResponse<String> refused = new ProviderSession(this.port, "nl").signIn("broker");

		// then
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("123456789");
	}

	@Test
	void aProviderThatIsDownGivesATranslatedPageNotA500() {
		// given: VWN's provider, configured but down
		long before = auditCount("login-failed", "PROVIDER_UNAVAILABLE");

		// when
		HttpResponse<String> page = new ProviderSession(this.port, "ar").signIn("vwn");
		HttpResponse<String> problem = new ProviderSession(this.port, "ar").send(uri("/oauth2/authorization/vwn"),
				"application/json");

		// then
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("lang=\"ar\"", "dir=\"rtl\"").contains("لا يمكن تسجيل الدخول الآن");
		assertThat(problem.statusCode()).isEqualTo(503);
		assertThat(problem.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(problem).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(json(problem).get("reason").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
		// The provider is asked at most once in ten seconds, and only that is audited.
		assertThat(auditCount("login-failed", "PROVIDER_UNAVAILABLE") - before).isBetween(0L, 1L);
		// The other providers and the login form are not affected.
		assertThat(new ProviderSession(this.port, "nl").get("/login").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownProviderIsNotFound() {
		assertThat(new ProviderSession(this.port, "nl").signIn("nope").statusCode()).isEqualTo(404);
	}

	@Test
	void logoutEndsTheSessionAtTheStaffProviderToo() {
		// given
		String sub = "coa-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-casemanager"), "organisation", "coa"));
		ProviderSession browser = new ProviderSession(this.port, "nl");
		assertThat(browser.signIn("coa").statusCode()).isEqualTo(302);
		browser.get("/console");
		TestProviders.requests();

		// when
		HttpResponse<String> logout = browser.post("/logout", Map.of());

		// then: on to the provider's end-session endpoint with the ID token, and back
		URI endSession = ProviderSession.location(logout);
		assertThat(endSession.toString()).startsWith(TestProviders.issuer("coa") + "/endsession");
		Map<String, String> parameters = query(endSession);
		assertThat(parameters).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + this.port + "/login?logout");
		HttpResponse<String> back = browser.send(endSession, "text/html");
		assertThat(ProviderSession.location(back).toString()).startsWith(parameters.get("post_logout_redirect_uri"));
		assertThat(TestProviders.requests()).extracting(RecordedRequest::getPath)
			.anySatisfy((path) -> assertThat(path).startsWith("/coa/endsession"));
		assertThat(browser.get("/console").statusCode()).isEqualTo(302);
	}

	@Test
	void logoutEndsTheSessionAtTheBrokerWithoutTheTokenThatNamedTheBsn() {
		// given
		String bsn = randomBsn();
		this.subjects.enrol(Bsn.parse(bsn));
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", bsn));
		ProviderSession browser = new ProviderSession(this.port, "nl");
		assertThat(browser.signIn("broker").statusCode()).isEqualTo(302);
		browser.get("/portal");

		// when
		HttpResponse<String> logout = browser.post("/logout", Map.of());

		// then
		URI endSession = ProviderSession.location(logout);
		assertThat(endSession.toString()).startsWith(TestProviders.issuer("broker") + "/endsession");
		assertThat(query(endSession)).containsEntry("client_id", TestProviders.BROKER_CLIENT)
			.doesNotContainKey("id_token_hint");
		assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
	}

	@Test
	void theLoginPageOffersTheProvidersAndTheNoDigidPage() {
		// when
		HttpResponse<String> login = new ProviderSession(this.port, "nl").get("/login");
		HttpResponse<String> noDigid = new ProviderSession(this.port, "fa").get("/login/no-digid");

		// then
		assertThat(login.body()).contains("href=\"/oauth2/authorization/coa\"", "Inloggen bij COA",
				"href=\"/oauth2/authorization/broker\"", "Inloggen met DigiD", "href=\"/login/no-digid\"");
		assertThat(noDigid.statusCode()).isEqualTo(200);
		assertThat(noDigid.body()).contains("lang=\"fa\"").contains("هنوز DigiD ندارید؟");
	}

	@Test
	void theClientKeyIsPublishedWithoutItsPrivatePartAndIsNotTheTokenKey() throws Exception {
		// when
		JWKSet client = clientJwks();
		JWKSet tokens = JWKSet.parse(send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/jwks"))).body());

		// then
		assertThat(client.getKeys()).hasSize(1).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
		assertThat(client.getKeys().get(0).getKeyID()).isNotEqualTo(tokens.getKeys().get(0).getKeyID());
	}

	// --- helpers -------------------------------------------------------------------

	private JWKSet clientJwks() throws Exception {
		HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/client-jwks")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("\"d\"");
		return JWKSet.parse(response.body());
	}

	private UUID staffAccount(String sub) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT id FROM identity_person WHERE provider_subject = ?")
			.param(sub)
			.query(UUID.class)
			.single();
	}

	private long accounts(String sub) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM identity_person WHERE provider_subject = ?")
			.param(sub)
			.query(Long.class)
			.single();
	}

	private UUID statusHolderAccount(SubjectRef subject) {
		List<UUID> ids = JdbcClient.create(this.dataSource)
			.sql("SELECT id FROM identity_person WHERE subject_ref = ? AND provider_issuer = ?")
			.params(subject.pseudonym(), TestProviders.issuer("broker"))
			.query(UUID.class)
			.list();
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	/** The login events of an account, oldest first. */
	private List<String> auditOf(UUID person) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT event_type || ':' || coalesce(reason_code, '') FROM audit_event WHERE actor_id = ?"
					+ " AND event_type LIKE 'login-%' ORDER BY position")
			.param(person.toString())
			.query(String.class)
			.list();
	}

	private long auditCount(String type, String reason) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = ? AND reason_code = ?")
			.params(type, reason)
			.query(Long.class)
			.single();
	}

	private static RecordedRequest tokenRequest(List<RecordedRequest> requests, String path) {
		return requests.stream()
			.filter((request) -> path.equals(request.getPath()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("The provider got no request at " + path + ": "
					+ requests.stream().map(RecordedRequest::getPath).toList()));
	}

	private static Map<String, String> query(URI uri) {
		return form(uri.getRawQuery());
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> parameters = new HashMap<>();
		Arrays.stream(encoded.split("&"))
			.map((pair) -> pair.split("=", 2))
			.forEach((pair) -> parameters.put(decode(pair[0]), (pair.length > 1) ? decode(pair[1]) : ""));
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String s256(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	/** A random BSN that passes the 11-test. */
	public static String randomBsn() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			int[] digits = random.ints(8, 0, 10).toArray();
			if (digits[0] == 0) {
				continue;
			}
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (9 - i) * digits[i];
			}
			int last = sum % 11;
			if (last < 10) {
				return Arrays.stream(digits).mapToObj(Integer::toString).collect(Collectors.joining()) + last;
			}
		}
	}

}
