package nl.ketenpoort.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.ketenpoort.gateway.identity.TestCertificates;
import nl.ketenpoort.gateway.identity.federation.TestProviders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Base of the gateway's integration tests: one running gateway on one embedded
 * PostgreSQL, shared by every test class that extends this (so the Spring context starts
 * once per test run), delivering to partner systems that are a real HTTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class GatewayIntegrationTest {

	static {
		allowOldTlsInThisJvm();
	}

	/** The sandbox's OpenID providers, on the classpath of the sandbox module's tests. */
	private static final String DEMO_PROVIDERS = "nl.ketenpoort.gateway.demo.DemoIdentityProviders";

	private static final Path DATA_DIR = createDataDir();

	/**
	 * The partner systems of the shared gateway: one WireMock server that takes every
	 * document ({@code POST /<partner id>}, 200). The product has no partner simulators;
	 * tests that need the sandbox partners run in the sandbox module.
	 */
	private static final WireMockServer PARTNER_SYSTEMS = startPartnerSystems();

	/** The OIN in TVS's test certificate. */
	protected static final String TVS_OIN = "00000001003214345000";

	/**
	 * The test CA of the mutual-TLS port, with client certificates for {@code tvs} and
	 * {@code raak}, and one for {@code tvs} with its valid subject that is on the
	 * revocation list ({@code tvs-revoked}); the list is read when the port starts.
	 */
	private static final TestCertificates MTLS = TestCertificates.create(DATA_DIR.resolve("mtls"))
		.client("tvs", "SERIALNUMBER=" + TVS_OIN + ",CN=tvs.coa.test,O=COA,C=NL")
		.client("raak", "CN=raak.amsterdam.test,O=Gemeente Amsterdam,C=NL")
		.client("tvs-revoked", "SERIALNUMBER=" + TVS_OIN + ",CN=tvs.coa.test,O=COA,C=NL")
		.revoke("tvs-revoked");

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	/** The static token Prometheus scrapes {@code /actuator/prometheus} with. */
	protected static final String METRICS_TOKEN = "scrape-" + java.util.UUID.randomUUID();

	protected final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	/** The mutual-TLS port of this test's gateway. */
	@Value("${ketenpoort.identity.mtls.port}")
	private int mtlsPort;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		registry.add("ketenpoort.data-dir", DATA_DIR::toString);
		// A port known before start-up, so that settings that name this gateway's own
		// address (${server.port}) can be resolved.
		int port = freePort();
		registry.add("server.port", () -> port);
		// Tests drive delivery themselves (DeliveryWorker.runOnce), so nothing
		// moves behind their backs.
		registry.add("ketenpoort.delivery.enabled", () -> "false");
		registry.add("ketenpoort.identity.metrics.token", () -> METRICS_TOKEN);
		// TVS's export directory is watched, as in production.
		registry.add("ketenpoort.adapters.tvs-intake.directory", () -> DATA_DIR.resolve("tvs-export").toString());
		registry.add("ketenpoort.adapters.tvs-intake.poll-interval", () -> "200ms");
		// Staff and status holders sign in at real OpenID providers on loopback (one
		// mock-oauth2-server, an issuer per organisation and the DigiD broker), and VWN's
		// provider is down; in this one context, so that it stays one. In the sandbox
		// module the demo's own providers take their place (they are what it tests).
		if (!ClassUtils.isPresent(DEMO_PROVIDERS, GatewayIntegrationTest.class.getClassLoader())) {
			TestProviders.register(registry, freePort());
		}
		// The mutual-TLS port is on for every test, in this one context.
		// Its port is chosen per context, like the HTTP port: a test class with a context
		// of its own runs beside the shared one, which keeps its ports open.
		int mtlsPort = freePort();
		registry.add("ketenpoort.identity.mtls.port", () -> mtlsPort);
		registry.add("ketenpoort.identity.mtls.key-store", () -> MTLS.keyStore().toString());
		registry.add("ketenpoort.identity.mtls.key-store-password", () -> TestCertificates.PASSWORD);
		registry.add("ketenpoort.identity.mtls.trust-store", () -> MTLS.trustStore().toString());
		registry.add("ketenpoort.identity.mtls.trust-store-password", () -> TestCertificates.PASSWORD);
		registry.add("ketenpoort.identity.mtls.crl", () -> MTLS.crlFile().toString());
		registry.add("ketenpoort.partners.systems.tvs.certificate-subject",
				() -> MTLS.certificate("tvs").getSubjectX500Principal().getName());
		registry.add("ketenpoort.partners.systems.tvs.oin", () -> TVS_OIN);
		registry.add("ketenpoort.partners.systems.raak.certificate-subject",
				() -> "CN=raak.amsterdam.test, O=Gemeente Amsterdam, C=NL");
	}

	/**
	 * Takes TLS 1.0 and 1.1 off the JDK's disabled algorithms before anything in this JVM
	 * uses TLS, so that a test client can offer them and it is the mutual-TLS port's own
	 * configuration that refuses them (the port's answer is a {@code protocol_version}
	 * alert), not the JDK's defaults. First in this class: WireMock sets up TLS as it
	 * starts.
	 */
	private static void allowOldTlsInThisJvm() {
		String disabled = java.security.Security.getProperty("jdk.tls.disabledAlgorithms");
		if (disabled != null) {
			java.security.Security.setProperty("jdk.tls.disabledAlgorithms",
					disabled.replaceAll("(?<![\\w.])TLSv1(\\.1)?\\s*,", ""));
		}
	}

	/** The test certificates of the mutual-TLS port. */
	protected static TestCertificates mtls() {
		return MTLS;
	}

	/** An address on the mutual-TLS port. */
	protected URI mtlsUri(String path) {
		return URI.create("https://127.0.0.1:" + this.mtlsPort + path);
	}

	protected int mtlsPort() {
		return this.mtlsPort;
	}

	/** The partner systems, for a test that makes one delivery fail. */
	protected static WireMockServer partnerSystems() {
		return PARTNER_SYSTEMS;
	}

	protected static Path dataDir() {
		return DATA_DIR;
	}

	/**
	 * What a partner system received with this {@code Idempotency-Key} (the exchange id).
	 */
	protected static List<LoggedRequest> deliveredTo(String partner, String idempotencyKey) {
		return PARTNER_SYSTEMS.findAll(
				postRequestedFor(urlEqualTo("/" + partner)).withHeader("Idempotency-Key", equalTo(idempotencyKey)));
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	protected static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static WireMockServer startPartnerSystems() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		server.stubFor(post(urlPathMatching("/[a-z0-9-]+")).willReturn(okJson("{}")));
		// partners.yaml: every partner endpoint is <this URL>/<partner id>. A system
		// property, below the dynamic properties, so that a test class with partner
		// systems of its own (DeliveryIntegrationTests) points them elsewhere.
		System.setProperty("KETENPOORT_SANDBOX_URL", server.baseUrl());
		return server;
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("ketenpoort-it-");
			// Environment post-processors (first-run secrets) read the data directory
			// before
			// dynamic properties exist; a system property reaches them in time.
			System.setProperty("ketenpoort.data-dir", dir.toString());
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
