package nl.ketenpoort.gateway.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners obtain short-lived tokens only with a valid, fresh, single-use client
 * assertion; the API refuses calls without a fitting token with problem documents; people
 * log in with authorization code and PKCE.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityIntegrationTests extends GatewayIntegrationTest {

	private static final Set<String> PARTNER_TOKEN_CLAIMS = Set.of("iss", "sub", "aud", "iat", "exp", "jti", "scope",
			"client_id");

	@Autowired
	TestTokens tokens;

	@BeforeEach
	void debugLogging() {
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("nl.ketenpoort.gateway.identity", LogLevel.DEBUG);
	}

	@AfterEach
	void resetLogging() {
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("nl.ketenpoort.gateway.identity", null);
	}

	@Test
	void partnerObtainsATokenWithPrivateKeyJwt() {
		HttpResponse<String> response = this.tokens.requestToken("tvs", this.tokens.assertion("tvs"),
				"exchange:send:client-profile");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(1L, 300L);
		assertThat(body.get("scope").asString()).isEqualTo("exchange:send:client-profile");
		assertThat(body.has("refresh_token")).isFalse();
	}

	@Test
	void partnerTokenCarriesNoPersonalDataAndLivesAtMostFiveMinutes() throws Exception {
		String token = this.tokens.partner("tvs");

		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
		assertThat(PARTNER_TOKEN_CLAIMS).containsAll(claims.keySet());
		assertThat(claims.keySet()).contains("iss", "aud", "iat", "exp", "jti", "scope", "client_id");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("tvs");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("tvs");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("ketenpoort-api");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).contains("exchange:send:client-profile",
				"exchange:send:nt2-learner-profile", "exchange:receive:handover-notice");
		long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime()
				- jwt.getJWTClaimsSet().getIssueTime().getTime();
		assertThat(lifetime).isPositive().isLessThanOrEqualTo(300_000L);
		// and it verifies against the published key set, which holds no private part
		HttpResponse<String> jwks = send(HttpRequest.newBuilder(uri("/oauth2/jwks")));
		assertThat(jwks.body()).doesNotContain("\"d\"");
		ECKey published = (ECKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
	}

	@Test
	void assertionSignedWithAnotherKeyIsRefused(CapturedOutput output) throws Exception {
		ECKey registered = this.tokens.partnerKey("tvs");
		ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(registered.getKeyID()).generate();
		String assertion = TestTokens.sign(impostor,
				this.tokens.claims("tvs").expirationTime(Date.from(Instant.now().plusSeconds(60))).build());

		HttpResponse<String> response = this.tokens.requestToken("tvs", assertion, null);

		assertInvalidClient(response);
		assertThat(output).contains("Client authentication refused").doesNotContain(assertion);
	}

	@Test
	void expiredAssertionIsRefused(CapturedOutput output) {
		ECKey key = this.tokens.partnerKey("tvs");
		String assertion = TestTokens.sign(key,
				this.tokens.claims("tvs")
					.issueTime(Date.from(Instant.now().minusSeconds(600)))
					.expirationTime(Date.from(Instant.now().minusSeconds(300)))
					.build());

		HttpResponse<String> response = this.tokens.requestToken("tvs", assertion, null);

		assertInvalidClient(response);
		assertThat(output).contains("Client authentication refused").doesNotContain(assertion);
	}

	@Test
	void assertionValidForTooLongIsRefused() {
		String assertion = TestTokens.sign(this.tokens.partnerKey("tvs"),
				this.tokens.claims("tvs").expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());

		assertInvalidClient(this.tokens.requestToken("tvs", assertion, null));
	}

	@Test
	void replayedAssertionIsRefused(CapturedOutput output) {
		String assertion = this.tokens.assertion("raak");
		assertThat(this.tokens.requestToken("raak", assertion, null).statusCode()).isEqualTo(200);

		HttpResponse<String> replay = this.tokens.requestToken("raak", assertion, null);

		assertInvalidClient(replay);
		assertThat(output).contains("jti replay").doesNotContain(assertion);
	}

	@Test
	void assertionOfAnotherPartnerIsRefused() {
		// vvs signs with its own key but claims to be raak
		String assertion = TestTokens.sign(this.tokens.partnerKey("vvs"),
				this.tokens.claims("raak").expirationTime(Date.from(Instant.now().plusSeconds(60))).build());

		assertInvalidClient(this.tokens.requestToken("raak", assertion, null));
	}

	@Test
	void unknownClientIsRefused() {
		String assertion = TestTokens.sign(this.tokens.partnerKey("tvs"),
				this.tokens.claims("gemeente-x").expirationTime(Date.from(Instant.now().plusSeconds(60))).build());

		assertInvalidClient(this.tokens.requestToken("gemeente-x", assertion, null));
	}

	@Test
	void unsignedAssertionIsRefused() {
		this.tokens.partnerKey("tvs");
		String assertion = new PlainJWT(
				this.tokens.claims("tvs").expirationTime(Date.from(Instant.now().plusSeconds(60))).build())
			.serialize();

		assertInvalidClient(this.tokens.requestToken("tvs", assertion, null));
	}

	@Test
	void scopeThePartnerMayNotHaveIsRefused() {
		HttpResponse<String> response = this.tokens.requestToken("taalschool-a", this.tokens.assertion("taalschool-a"),
				"exchange:receive:trajectory-plan");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void apiWithoutTokenIsUnauthorized() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/anything")));

		assertProblem(response, 401, "UNAUTHORIZED");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void apiWithBrokenTokenIsUnauthorized() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/v1/anything")).header("Authorization", "Bearer not.a.token"));

		assertProblem(response, 401, "UNAUTHORIZED");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("invalid_token"));
	}

	@Test
	void partnerTokenWithoutTheScopeIsForbidden() {
		String token = this.tokens.partner("raak", "exchange:receive:client-profile");

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertProblem(response, 403, "FORBIDDEN");
	}

	@Test
	void partnerTokenWithTheScopePassesTheGate() {
		String token = this.tokens.partner("tvs");

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isNotIn(401, 403);
	}

	@Test
	void partnerIsTheActorOfItsRequests() {
		String token = this.tokens.partner("vvs", "exchange:receive:client-profile");

		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/v1/test-probe/actor")).header("Authorization", "Bearer " + token));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode actor = json(response);
		assertThat(actor.get("kind").asString()).isEqualTo("PARTNER");
		assertThat(actor.get("id").asString()).isEqualTo("vvs");
		assertThat(actor.get("organisation").asString()).isEqualTo("vwn");
		assertThat(actor.get("roles").toString()).isEqualTo("[\"PARTNER\"]");
		assertThat(actor.get("scopes").toString()).isEqualTo("[\"exchange:receive:client-profile\"]");
	}

	@Test
	void revokedTokenIsRefusedAndIntrospectionSaysInactive() {
		String token = this.tokens.partner("tvs");
		assertThat(introspect(token).get("active").asBoolean()).isTrue();

		HttpResponse<String> revoked = postForm("/oauth2/revoke", "token=" + token + "&client_id=tvs"
				+ "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion="
				+ this.tokens.assertion("tvs"));

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(introspect(token).get("active").asBoolean()).isFalse();
		assertProblem(send(
				HttpRequest.newBuilder(uri("/api/v1/test-probe/actor")).header("Authorization", "Bearer " + token)),
				401, "UNAUTHORIZED");
	}

	@Test
	void partnerMayNotIntrospectAnotherPartnersToken(CapturedOutput output) {
		String token = this.tokens.partner("tvs");

		JsonNode answer = introspect(token, "raak");

		// RFC 7662 section 2.2: nothing but "active": false, so that nothing about the
		// token leaks.
		assertThat(answer.toString()).isEqualTo("{\"active\":false}");
		assertThat(output).contains("issued to another client");
		assertThat(introspect(token, "tvs").get("active").asBoolean()).isTrue();
	}

	@Test
	void tokenRevokedAfterUseIsRefusedAtOnce() {
		String token = this.tokens.partner("tvs");
		HttpRequest.Builder probe = HttpRequest.newBuilder(uri("/api/v1/test-probe/actor"))
			.header("Authorization", "Bearer " + token);
		assertThat(send(probe).statusCode()).isEqualTo(200);
		assertThat(send(probe).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = postForm("/oauth2/revoke", "token=" + token + "&client_id=tvs"
				+ "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion="
				+ this.tokens.assertion("tvs"));

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertProblem(send(probe), 401, "UNAUTHORIZED");
	}

	@Test
	void discoveryAdvertisesPrivateKeyJwtAndEs256() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/.well-known/openid-configuration")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode metadata = json(response);
		assertThat(metadata.get("jwks_uri").asString()).endsWith("/oauth2/jwks");
		assertThat(metadata.get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
		assertThat(metadata.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\"]");
		assertThat(metadata.get("introspection_endpoint").asString()).endsWith("/oauth2/introspect");
		assertThat(metadata.get("revocation_endpoint").asString()).endsWith("/oauth2/revoke");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" })
	void discoveryAdvertisesOnlyWhatRegisteredClientsCanUse(String path) {
		JsonNode metadata = json(send(HttpRequest.newBuilder(uri(path))));

		assertThat(strings(metadata, "grant_types_supported")).containsExactlyInAnyOrder("authorization_code",
				"client_credentials");
		// "none": the public web client redeems its code with PKCE instead of a secret;
		// tls_client_auth: the shared gateway has its mutual-TLS port on (off, it is not
		// advertised: AdvertisedMetadataTests).
		assertThat(strings(metadata, "token_endpoint_auth_methods_supported"))
			.containsExactlyInAnyOrder("private_key_jwt", "none", "tls_client_auth");
		assertThat(strings(metadata, "token_endpoint_auth_signing_alg_values_supported")).containsExactly("ES256");
		assertThat(strings(metadata, "introspection_endpoint_auth_methods_supported"))
			.containsExactly("private_key_jwt", "tls_client_auth");
		assertThat(strings(metadata, "revocation_endpoint_auth_methods_supported")).containsExactly("private_key_jwt",
				"tls_client_auth");
		assertThat(strings(metadata, "response_types_supported")).containsExactly("code");
		assertThat(strings(metadata, "code_challenge_methods_supported")).containsExactly("S256");
		assertThat(metadata.has("dpop_signing_alg_values_supported")).isFalse();
		assertThat(metadata.get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
	}

	@Test
	void redirectUriOnLoopbackMustMatchExactlyIncludingThePort() {
		String otherPort = TestTokens.REDIRECT_URI.replace(":8080/", ":8081/");

		HttpResponse<String> response = send(HttpRequest.newBuilder(
				uri("/oauth2/authorize?response_type=code&client_id=ketenpoort-web&scope=openid&state=s&redirect_uri="
						+ java.net.URLEncoder.encode(otherPort, java.nio.charset.StandardCharsets.UTF_8)
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void personLogsInWithAuthorizationCodeAndPkce() throws Exception {
		TestTokens.Login login = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);

		TestTokens.CodeFlow flow = this.tokens.logIn(login.username(), login.password());

		assertThat(flow.redirectToLogin().statusCode()).isEqualTo(302);
		assertThat(flow.loginPage().statusCode()).isEqualTo(200);
		assertThat(flow.afterLogin().statusCode()).isEqualTo(302);
		assertThat(flow.callback().toString()).startsWith(TestTokens.REDIRECT_URI);
		assertThat(flow.callbackParameters()).containsEntry("state", flow.state()).containsKey("code");
		assertThat(flow.tokenResponse()).isNotNull();
		assertThat(flow.tokenResponse().statusCode()).isEqualTo(200);
		JsonNode tokens = flow.tokens();
		assertThat(tokens.has("id_token")).isTrue();
		SignedJWT access = SignedJWT.parse(tokens.get("access_token").asString());
		assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo(login.id().toString());
		assertThat(access.getParsedString()).doesNotContain(login.username());
		assertThat(SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet().getSubject())
			.isEqualTo(login.id().toString());
		long lifetime = access.getJWTClaimsSet().getExpirationTime().getTime()
				- access.getJWTClaimsSet().getIssueTime().getTime();
		assertThat(lifetime).isLessThanOrEqualTo(300_000L);

		HttpResponse<String> actor = send(HttpRequest.newBuilder(uri("/api/v1/test-probe/actor"))
			.header("Authorization", "Bearer " + tokens.get("access_token").asString()));
		assertThat(json(actor).get("kind").asString()).isEqualTo("PERSON");
		assertThat(json(actor).get("id").asString()).isEqualTo(login.id().toString());
		assertThat(json(actor).get("organisation").asString()).isEqualTo("coa");
		assertThat(json(actor).get("roles").toString()).isEqualTo("[\"PRIVACY_OFFICER\"]");
	}

	@Test
	void codeIsUselessWithoutTheRightVerifier() {
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, null);
		TestTokens.CodeFlow flow = this.tokens.logIn(login.username(), login.password());
		String code = flow.callbackParameters().get("code");

		// the flow used the code already; a second redemption, with any verifier, fails
		HttpResponse<String> again = postForm("/oauth2/token", "grant_type=authorization_code&code=" + code
				+ "&client_id=ketenpoort-web&code_verifier=wrong-verifier-wrong-verifier-wrong-verifier&redirect_uri="
				+ java.net.URLEncoder.encode(TestTokens.REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(json(again).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void wrongPasswordGivesNoCode() {
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, null);

		TestTokens.CodeFlow flow = this.tokens.logIn(login.username(), "not-the-password");

		assertThat(flow.callback().getPath()).isEqualTo("/login");
		assertThat(flow.callbackParameters()).doesNotContainKey("code");
	}

	@Test
	void statusHolderTokenCannotSendExchanges() {
		String token = this.tokens.person(Role.STATUS_HOLDER, null, "vnr_" + "a".repeat(43));

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertProblem(response, 403, "FORBIDDEN");
	}

	@Test
	void partnerTokenCannotReadTheAuditLog() {
		String token = this.tokens.partner("tvs");

		assertProblem(
				send(HttpRequest.newBuilder(uri("/api/v1/audit/events")).header("Authorization", "Bearer " + token)),
				403, "FORBIDDEN");
	}

	@Test
	void publicApiPathsNeedNoToken() {
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/purposes"))).statusCode()).isNotIn(401, 403);
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/consents/" + UUID.randomUUID() + "/status"))).statusCode())
			.isNotIn(401, 403);
	}

	@Test
	void metricsAreForTheScrapeTokenOnly() {
		// Prometheus scrapes with a static token; no person's token opens the metrics,
		// not even an operator's (MetricsScrapeIntegrationTests has the rest).
		assertProblem(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))), 401, "UNAUTHORIZED");
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");
		assertProblem(
				send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + officer)),
				401, "UNAUTHORIZED");
		String operator = this.tokens.person(Role.OPERATOR, null);
		assertProblem(
				send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + operator)),
				401, "UNAUTHORIZED");
		assertThat(send(
				HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + METRICS_TOKEN))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void buildInfoIsForOperatorsOnly() {
		// It names the version of the running gateway, which tells an attacker which
		// known weaknesses to try.
		assertProblem(send(HttpRequest.newBuilder(uri("/actuator/info"))), 401, "UNAUTHORIZED");
		String operator = this.tokens.person(Role.OPERATOR, null);
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/info")).header("Authorization", "Bearer " + operator))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void pagesNeedALoginAndCarrySecurityHeaders() {
		HttpResponse<String> browser = send(HttpRequest.newBuilder(uri("/console")).header("Accept", "text/html"));
		assertThat(browser.statusCode()).isEqualTo(302);
		assertThat(browser.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));

		assertProblem(send(HttpRequest.newBuilder(uri("/portal"))), 401, "UNAUTHORIZED");

		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void loginFormWithoutCsrfTokenIsRefused() {
		HttpResponse<String> response = postForm("/login", "username=someone&password=something");

		assertProblem(response, 403, "FORBIDDEN");
	}

	@Test
	void sandboxIsClosedOutsideTheDemoProfile() {
		assertThat(send(HttpRequest.newBuilder(uri("/sandbox/subjects"))).statusCode()).isIn(401, 403);
	}

	private static java.util.List<String> strings(JsonNode metadata, String member) {
		assertThat(metadata.has(member)).as(member).isTrue();
		return metadata.get(member).values().stream().map(JsonNode::asString).toList();
	}

	private JsonNode introspect(String token) {
		return introspect(token, "tvs");
	}

	private JsonNode introspect(String token, String clientId) {
		HttpResponse<String> response = postForm("/oauth2/introspect", "token=" + token + "&client_id=" + clientId
				+ "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion="
				+ this.tokens.assertion(clientId));
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response);
	}

	private HttpResponse<String> postForm(String path, String form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private static void assertInvalidClient(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("access_token");
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		return problem;
	}

}
