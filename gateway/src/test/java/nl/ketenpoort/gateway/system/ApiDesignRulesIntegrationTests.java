package nl.ketenpoort.gateway.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NL GOV API Design Rules that a running gateway shows in its answers: the
 * {@code API-Version} header ({@code /core/version-header}) and the security headers
 * ({@code /core/transport/security-headers}) on an answer of each controller, refusals
 * and container rejections included; the OpenAPI document as a public resource of the API
 * ({@code /core/publish-openapi}, {@code /core/transport/cors}). It also writes the live
 * document to {@code target/openapi/openapi.json}, which the build then lints with the
 * Design Rules' Spectral ruleset.
 */
class ApiDesignRulesIntegrationTests extends GatewayIntegrationTest {

	/** Where the build's lint step reads the live document. */
	static final Path LINTED_DOCUMENT = Path.of("target", "openapi", "openapi.json");

	@Autowired
	TestTokens tokens;

	@Test
	void anAnswerOfEachControllerCarriesTheVersionAndTheSecurityHeaders() {
		// given
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");
		String operator = this.tokens.person(Role.OPERATOR, null);
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");
		String tvs = this.tokens.partner("tvs");
		String raak = this.tokens.partner("raak");
		Map<String, HttpRequest.Builder> answers = new LinkedHashMap<>();
		answers.put("PurposeController", get("/api/v1/purposes?lang=nl", null));
		answers.put("PurposeController (key set)", get("/.well-known/consent-jwks.json", null));
		answers.put("ConsentController", get("/api/v1/consents/" + UUID.randomUUID() + "/status", null));
		answers.put("ConsentController (own)", get("/api/v1/consents", caseManager));
		answers.put("MandateController", get("/api/v1/mandates/" + UUID.randomUUID(), caseManager));
		answers.put("AuditController", get("/api/v1/audit/overview", officer));
		answers.put("ExchangeController", post("/api/v1/exchanges", tvs, "{}"));
		answers.put("InboxController", get("/api/v1/inbox", raak));
		answers.put("OperatorController", get("/api/v1/operator/partners", operator));
		answers.put("ClientJwksController", get("/oauth2/client-jwks", null));
		answers.put("OpenApiDocumentController", get("/api/v1/openapi.json", null));
		answers.put("authorization server (token endpoint)", post("/oauth2/token", null, ""));
		answers.put("authorization server (discovery)", get("/.well-known/openid-configuration", null));
		answers.put("actuator", get("/actuator/health", null));
		answers.put("security filters (no token)", get("/api/v1/audit/overview", null));
		answers.put("ProblemHandler (bad token)", get("/api/v1/inbox", "not-a-token"));
		answers.put("ProblemErrorController (no such path)", get("/api/v1/no-such-resource", officer));

		// when
		List<String> missing = new ArrayList<>();
		answers.forEach((controller, request) -> {
			HttpResponse<String> answer = send(request);
			missing.addAll(missingApiHeaders(controller, answer.headers().map()));
		});

		// then
		assertThat(missing).isEmpty();
	}

	@Test
	void whatTheContainerRefusesBeforeAnyFilterCarriesTheHeadersToo() throws IOException {
		// given an encoded slash, which Tomcat refuses before any filter runs
		String raw = rawExchange(
				"GET /api/v1/consents/a%2Fb/status HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Connection: close\r\n\r\n");

		// then
		assertThat(raw).startsWith("HTTP/1.1 400");
		String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
		assertThat(headers).contains("\napi-version: 1.0.0", "\ncache-control: no-store",
				"\ncontent-security-policy: default-src 'none'; frame-ancestors 'none'",
				"\nstrict-transport-security: max-age=", "\nx-content-type-options: nosniff", "\nx-frame-options: deny",
				"\nreferrer-policy: no-referrer");
	}

	@Test
	void pagesCarryTheVersionAndTheirOwnSecurityHeaders() {
		// when
		HttpResponse<String> login = send(get("/login", null));

		// then
		Map<String, List<String>> headers = login.headers().map();
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("API-Version")).contains("1.0.0");
		assertThat(login.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("max-age="));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(value) -> assertThat(value).contains("frame-ancestors 'none'").contains("default-src 'self'"));
		assertThat(headers.get("Cache-Control")).anySatisfy((value) -> assertThat(value).contains("no-store"));
	}

	@Test
	void theOpenApiDocumentIsAPublicResourceOfTheApiInVersionOne() throws IOException {
		// when
		HttpResponse<String> json = send(get("/api/v1/openapi.json", null));
		HttpResponse<String> yaml = send(get("/api/v1/openapi.yaml", null));

		// then
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
		assertThat(yaml.statusCode()).isEqualTo(200);
		assertThat(yaml.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
		assertThat(yaml.body()).contains("openapi: 3.1.0");
		JsonNode document = json(json);
		assertThat(document.path("openapi").asString()).startsWith("3.1.");
		assertThat(document.path("info").path("version").asString()).isEqualTo("1.0.0");
		assertThat(document.path("info").path("contact").path("name").asString()).isNotBlank();
		assertThat(document.path("servers").path(0).path("url").asString()).isEqualTo("/api/v1");
		List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
		assertThat(paths).contains("/exchanges", "/openapi.json", "/openapi.yaml", "/.well-known/consent-jwks.json")
			.noneMatch((path) -> path.startsWith("/api/"));
		assertThat(document.path("paths")
			.path("/.well-known/consent-jwks.json")
			.path("servers")
			.path(0)
			.path("url")
			.asString()).isEqualTo("/");
		List<String> undescribed = new ArrayList<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (operation.getValue().has("responses")
					&& operation.getValue().path("description").asString("").isBlank()) {
				undescribed.add(operation.getKey() + " " + path.getKey());
			}
		}));
		assertThat(undescribed).isEmpty();
		Files.createDirectories(LINTED_DOCUMENT.getParent());
		Files.writeString(LINTED_DOCUMENT, json.body());
	}

	@Test
	void theDocumentSaysHowToGetATokenWhatErrorsLookLikeAndWhatAPushedPartnerReceives() {
		// when
		JsonNode document = json(send(get("/api/v1/openapi.json", null)));

		// then
		JsonNode schemes = document.path("components").path("securitySchemes");
		assertThat(schemes.path("partnerToken").path("type").asString()).isEqualTo("oauth2");
		assertThat(schemes.path("partnerToken").path("flows").path("clientCredentials").path("tokenUrl").asString())
			.isEqualTo("/oauth2/token");
		assertThat(schemes.path("partnerToken")
			.path("flows")
			.path("clientCredentials")
			.path("scopes")
			.has("exchange:send:client-profile")).isTrue();
		assertThat(schemes.path("bearerToken").path("scheme").asString()).isEqualTo("bearer");
		assertThat(document.path("security").toString()).contains("partnerToken", "bearerToken");
		JsonNode submit = document.path("paths").path("/exchanges").path("post");
		for (String status : List.of("400", "401", "403", "409", "413", "415", "500")) {
			assertThat(submit.path("responses")
				.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString()).as(status).isEqualTo("#/components/schemas/Problem");
		}
		assertThat(document.path("paths").path("/purposes").path("get").path("security").isEmpty()).isTrue();
		assertThat(submit.path("responses").has("202")).isTrue();
		assertThat(submit.path("responses").has("200")).isFalse();
		assertThat(submit.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).isEqualTo("#/components/schemas/ExchangeSubmission");
		JsonNode schemas = document.path("components").path("schemas");
		assertThat(schemas.path("ExchangeSubmission").path("oneOf").size()).isEqualTo(DocumentType.all().size());
		assertThat(schemas.path("ExchangeSubmission").path("discriminator").path("propertyName").asString())
			.isEqualTo("documentType");
		assertThat(schemas.path("ClientProfileSubmission")
			.path("properties")
			.path("documentType")
			.path("const")
			.asString()).isEqualTo("client-profile");
		assertThat(schemas.path("ClientProfileDocument").path("required").toString()).contains("subject", "name");
		assertThat(schemas.path("ClientProfileDocument").path("properties").path("subject").path("$ref").asString())
			.isEqualTo("#/components/schemas/ClientProfileDocumentSubject");
		assertThat(schemas.has("ClientProfileDocumentSubject")).isTrue();
		JsonNode delivery = document.path("webhooks").path("documentDelivery").path("post");
		assertThat(delivery.path("parameters").valueStream().map((parameter) -> parameter.path("name").asString()))
			.contains("Idempotency-Key", "Ketenpoort-Consent", "traceparent");
	}

	private static List<String> missingApiHeaders(String controller, Map<String, List<String>> headers) {
		Map<String, String> expected = Map.of("api-version", "1.0.0", "cache-control", "no-store",
				"content-security-policy", "default-src 'none'; frame-ancestors 'none'", "strict-transport-security",
				"max-age=31536000; includeSubDomains", "x-content-type-options", "nosniff", "x-frame-options", "DENY",
				"referrer-policy", "no-referrer");
		if (controller.equals("ClientJwksController")) {
			// The one deliberate exception: a public key set that upstream providers
			// fetch, which nothing sensitive is in; its own "no-cache" makes them
			// revalidate after a key rotation.
			expected = new LinkedHashMap<>(expected);
			expected.put("cache-control", "no-cache");
		}
		Map<String, List<String>> lower = new LinkedHashMap<>();
		headers.forEach((name, values) -> lower.put(name.toLowerCase(), values));
		List<String> missing = new ArrayList<>();
		expected.forEach((name, value) -> {
			if (!List.of(value).equals(lower.get(name))) {
				missing.add(controller + ": " + name + " is " + lower.get(name));
			}
		});
		return missing;
	}

	/** java.net.http does not send an encoded slash as it is; a socket does. */
	private String rawExchange(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private HttpRequest.Builder get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private HttpRequest.Builder post(String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type",
					path.startsWith("/oauth2/") ? "application/x-www-form-urlencoded" : "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

}
