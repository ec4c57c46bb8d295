package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.internal.CertificateBinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Partners on the mutual-TLS port (RFC 8705): {@code tls_client_auth} at the token
 * endpoint, tokens bound to the certificate, TLS 1.2/1.3 with forward-secret suites only,
 * and revoked certificates refused.
 */
class MtlsIntegrationTests extends GatewayIntegrationTest {

	private static final String RECEIVE = "exchange:receive:handover-notice";

	/** Answers any valid token with its actor ({@link ActorProbeController}). */
	private static final String OK = "handshake completed";

	private static final String PROBE = "/api/v1/test-probe/actor";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestTokens tokens;

	private long head;

	@BeforeEach
	void rememberTheHead() {
		this.fixtures.chained();
		this.head = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void aPartnerGetsACertificateBoundTokenOverMutualTlsAndUsesItThere() {
		// when
		HttpResponse<String> response = tokenOverMtls("tvs", "tvs");

		// then
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode claims = claims(json(response).get("access_token").asString());
		assertThat(claims.get("sub").asString()).isEqualTo("tvs");
		assertThat(claims.get("cnf").get("x5t#S256").asString())
			.isEqualTo(CertificateBinding.thumbprint(mtls().certificate("tvs")));
		assertThat(call(mtlsClient("tvs"), mtlsUri(PROBE), json(response).get("access_token").asString()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aBoundTokenIsRefusedOverAnotherPartnersCertificate() {
		// given
		String token = json(tokenOverMtls("tvs", "tvs")).get("access_token").asString();

		// when
		HttpResponse<String> response = call(mtlsClient("raak"), mtlsUri(PROBE), token);

		// then
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(refusals()).containsExactly("credentials-refused REFUSED TOKEN_CERTIFICATE_MISMATCH");
	}

	@Test
	void aBoundTokenIsRefusedOnThePlainPortWithoutACertificate() {
		// given
		String token = json(tokenOverMtls("tvs", "tvs")).get("access_token").asString();

		// when
		HttpResponse<String> response = call(this.http, uri(PROBE), token);

		// then
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(refusals()).containsExactly("credentials-refused REFUSED TOKEN_CERTIFICATE_MISSING");
	}

	@Test
	void aTokenForAClientAssertionStaysUnboundAndWorksOnThePlainPort() {
		// given: private_key_jwt stays, also for a partner with a certificate
		String token = this.tokens.partner("tvs", RECEIVE);

		// then
		assertThat(claims(token).has("cnf")).isFalse();
		assertThat(call(this.http, uri(PROBE), token).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherPartnersCertificateDoesNotAuthenticateAsThisPartner() {
		// when raak's certificate asks for a token as tvs
		HttpResponse<String> response = tokenOverMtls("raak", "tvs");

		// then
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void aPartnerWithoutACertificateSubjectCannotUseTlsClientAuth() {
		// vvs has no certificate-subject: raak's certificate gets nothing as vvs
		assertThat(tokenOverMtls("raak", "vvs").statusCode()).isEqualTo(401);
	}

	@Test
	void aRevokedCertificateIsRefusedAtTheHandshake() {
		// the certificate has tvs's subject and a valid signature, but is on the CRL
		assertThatExceptionOfType(IOException.class).isThrownBy(
				() -> mtlsClient("tvs-revoked").send(tokenRequest("tvs"), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void aClientWithoutACertificateIsRefusedAtTheHandshake() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client(mtls().sslContext(null), null)
			.send(tokenRequest("tvs"), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void tls11IsRefused() {
		// the port answers with an alert: the client did offer TLS 1.1
		assertThat(handshake(new String[] { "TLSv1.1" }, null)).contains("protocol_version");
		// the same socket setup with TLS 1.2 and 1.3 works, so the refusal is the version
		assertThat(handshake(new String[] { "TLSv1.2" }, null)).isEqualTo(OK);
		assertThat(handshake(new String[] { "TLSv1.3" }, null)).isEqualTo(OK);
	}

	@Test
	void staticRsaKeyExchangeIsRefused() {
		// the server key is RSA, so only the configured suites stand in the way
		assertThat(handshake(new String[] { "TLSv1.2" }, new String[] { "TLS_RSA_WITH_AES_128_GCM_SHA256" }))
			.contains("handshake_failure");
		assertThat(handshake(new String[] { "TLSv1.2" }, new String[] { "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" }))
			.isEqualTo(OK);
	}

	@Test
	void theOperatorPageWarnsAboutPartnerCertificatesThatExpireWithin30Days() {
		// given: tvs authenticated with its certificate, which expires in 20 days
		assertThat(tokenOverMtls("tvs", "tvs").statusCode()).isEqualTo(200);
		TestTokens.Login operator = this.tokens.newPerson(Role.OPERATOR, null, null);
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);

		// when
		HttpResponse<String> page = PageSession.logIn(this.port, operator.username(), operator.password())
			.get("/console/operations");

		// then
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"expiring-certificates\"")
			.contains(org.springframework.web.util.HtmlUtils
				.htmlEscape(mtls().certificate("tvs").getSubjectX500Principal().getName()));
		// and the operator page stays the operator's
		assertThat(PageSession.logIn(this.port, caseManager.username(), caseManager.password())
			.get("/console/operations")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void discoveryNamesTheMutualTlsEndpoints() {
		JsonNode metadata = json(send(HttpRequest.newBuilder(uri("/.well-known/oauth-authorization-server"))));

		assertThat(metadata.get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
		assertThat(metadata.get("mtls_endpoint_aliases").get("token_endpoint").asString())
			.isEqualTo(mtlsUri("/oauth2/token").toString());
		assertThat(metadata.get("mtls_endpoint_aliases").get("introspection_endpoint").asString())
			.isEqualTo(mtlsUri("/oauth2/introspect").toString());
	}

	/**
	 * Whether a handshake with these protocols (and suites) completes with tvs's
	 * certificate; the JDK's own defaults are overridden so that it offers old ones too.
	 */
	private String handshake(String[] protocols, String[] suites) {
		SSLContext context = mtls().sslContext("tvs");
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", mtlsPort())) {
			socket.setSoTimeout(5000);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setProtocols(protocols);
			if (suites != null) {
				parameters.setCipherSuites(suites);
			}
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			return socket.getSession().isValid() ? OK : "invalid session";
		}
		catch (IOException | IllegalArgumentException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

	private HttpResponse<String> tokenOverMtls(String certificate, String clientId) {
		try {
			return mtlsClient(certificate).send(tokenRequest(clientId), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest tokenRequest(String clientId) {
		return HttpRequest.newBuilder(mtlsUri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId + "&scope="
					+ URLEncoder.encode(RECEIVE, StandardCharsets.UTF_8)))
			.build();
	}

	private HttpResponse<String> call(HttpClient client, URI uri, String token) {
		try {
			return client.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpClient mtlsClient(String certificate) {
		return client(mtls().sslContext(certificate), null);
	}

	private static HttpClient client(SSLContext context, SSLParameters parameters) {
		HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5));
		if (parameters != null) {
			builder.sslParameters(parameters);
		}
		return builder.build();
	}

	private List<String> refusals() {
		this.fixtures.chained();
		return this.jdbc
			.sql("SELECT event_type || ' ' || outcome || ' ' || reason_code FROM audit_event"
					+ " WHERE position > ? AND event_type = 'credentials-refused' ORDER BY position")
			.param(this.head)
			.query(String.class)
			.list();
	}

	private static JsonNode claims(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

}
