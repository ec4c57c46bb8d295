package nl.ketenpoort.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.ketenpoort.gateway.identity.federation.TestProviders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the gateway's integration tests: one running gateway on one embedded
 * PostgreSQL, shared by every test class that extends this (so the Spring context starts
 * once per test run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class GatewayIntegrationTest {

	private static final Path DATA_DIR = createDataDir();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		registry.add("ketenpoort.data-dir", DATA_DIR::toString);
		// A port known before start-up, so that the partner endpoints of partners.yaml
		// (${server.port}) reach the sandbox partners of this very gateway.
		int port = freePort();
		registry.add("server.port", () -> port);
		// The sandbox partners' endpoints (/sandbox/partners/**) run in the shared
		// context; the rest of /sandbox stays closed outside the demo profile.
		registry.add("ketenpoort.sandbox.enabled", () -> "true");
		// Tests drive delivery themselves (DeliveryWorker.runOnce), so nothing
		// moves behind their backs.
		registry.add("ketenpoort.delivery.enabled", () -> "false");
		// TVS's export directory is watched, as in production.
		registry.add("ketenpoort.adapters.tvs-intake.directory", () -> DATA_DIR.resolve("tvs-export").toString());
		registry.add("ketenpoort.adapters.tvs-intake.poll-interval", () -> "200ms");
		// Staff and status holders sign in at real OpenID providers on loopback (one
		// mock-oauth2-server, an issuer per organisation and the DigiD broker), and VWN's
		// provider is down; in this one context, so that it stays one.
		TestProviders.register(registry, freePort());
	}

	protected static Path dataDir() {
		return DATA_DIR;
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
