package nl.ketenpoort.gateway.problem;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error class is answered with an RFC 9457 problem document carrying a stable code,
 * a human detail, the request path and a trace id, and never with HTML or a stack trace.
 */
class ProblemDetailsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Test
	void unknownPathIsNotFound() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/no/such/thing")));

		assertProblem(response, 404, "NOT_FOUND", "/no/such/thing");
	}

	@Test
	void unknownPathIsAProblemEvenWhenTheBrowserAsksForHtml() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/no/such/thing")).header("Accept", "text/html,application/xhtml+xml"));

		assertProblem(response, 404, "NOT_FOUND", "/no/such/thing");
	}

	@Test
	void wrongMethodIsMethodNotAllowed() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/json")).DELETE());

		assertProblem(response, 405, "METHOD_NOT_ALLOWED", "/test-probe/json");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET").contains("POST"));
	}

	@Test
	void unproducibleAcceptIsNotAcceptable() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/test-probe/json")).header("Accept", "application/xml"));

		assertProblem(response, 406, "NOT_ACCEPTABLE", "/test-probe/json");
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/json"))
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("name=x")));

		assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE", "/test-probe/json");
	}

	@Test
	void malformedJsonIsRefusedWithoutEchoingTheBody() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/json"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"name\": \"Amira V-1234567890\", \"count\": ")));

		JsonNode problem = assertProblem(response, 400, "MALFORMED_REQUEST", "/test-probe/json");
		assertThat(response.body()).doesNotContain("Amira").doesNotContain("1234567890");
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	@Test
	void declaredOversizedBodyIsRefusedBeforeReading() {
		byte[] body = new byte[1024 * 1024 + 1];
		Arrays.fill(body, (byte) ' ');

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/json"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(body)));

		assertProblem(response, 413, "PAYLOAD_TOO_LARGE", "/test-probe/json");
	}

	@Test
	void chunkedOversizedBodyIsRefusedWhileReading() {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		List<byte[]> chunks = java.util.Collections.nCopies(20, chunk);

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/json"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArrays(chunks)));

		assertProblem(response, 413, "PAYLOAD_TOO_LARGE", "/test-probe/json");
	}

	@Test
	void unexpectedFailureIsInternalErrorWithoutDetailsOfTheCause() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe/failure")));

		assertProblem(response, 500, "INTERNAL_ERROR", "/test-probe/failure");
		assertThat(response.body()).doesNotContain("IllegalStateException")
			.doesNotContain("secret internal detail")
			.doesNotContain("at nl.ketenpoort");
	}

	@Test
	void callerTraceIsContinuedAndNamedInTheProblem() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/no/such/thing")).header("traceparent", traceparent));

		JsonNode problem = assertProblem(response, 404, "NOT_FOUND", "/no/such/thing");
		assertThat(problem.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(response.headers().firstValue("traceparent"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
				.doesNotContain("00f067aa0ba902b7"));
	}

	@Test
	void aLibrarysFailureAtARealEndpointCarriesItsReasonAndItsSection() {
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/audit/events/search"))
			.header("Authorization", "Bearer " + officer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"vNumber\":\"12\"}")));

		JsonNode problem = assertProblem(response, 400, "INVALID_SUBJECT", "/api/v1/audit/events/search");
		assertThat(problem.get("reason").asString()).isEqualTo("V_NUMBER_MALFORMED");
		assertThat(problem.get("documentation").asString())
			.isEqualTo("https://ketenpoort.nl/docs/problems.md#invalid_subject");
	}

	@Test
	void healthIsUp() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void openApiDescribesVersion31() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v3/api-docs")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = json(response);
		assertThat(api.get("openapi").asString()).startsWith("3.1");
		assertThat(api.get("info").get("title").asString()).isEqualTo("Ketenpoort API");
		assertThat(api.get("paths").has("/error")).isFalse();
	}

	@Test
	void prometheusMetricsAreExposedToTheScraper() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + METRICS_TOKEN));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1%2Fpurposes", "/api/v1%5Cpurposes", "/api/v1/purposes%00" })
	void pathsTheContainerRefusesAreProblems(String path) {
		RawHttp.Response response = RawHttp.send(this.port, "GET " + path + " HTTP/1.1",
				"Accept: text/html,application/xhtml+xml");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void overlongHeaderIsAProblem() {
		RawHttp.Response response = RawHttp.send(this.port, "GET /api/v1/purposes HTTP/1.1",
				"X-Padding: " + "a".repeat(16 * 1024));

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void tooManyParametersIsAProblem() {
		StringBuilder query = new StringBuilder("lang=en");
		for (int i = 0; i < 1001; i++) {
			query.append("&p").append(i).append("=x");
		}

		RawHttp.Response response = RawHttp.send(this.port, "GET /api/v1/purposes?" + query + " HTTP/1.1");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void tooManyFormParametersBeforeSpringMvcIsAProblem() {
		StringBuilder form = new StringBuilder("username=x");
		for (int i = 0; i < 1001; i++) {
			form.append("&p").append(i).append("=x");
		}

		// The CSRF filter reads the form before any controller does.
		RawHttp.Response response = RawHttp.sendWithBody(this.port, "POST /login HTTP/1.1", form.toString(),
				"Content-Type: application/x-www-form-urlencoded");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void headerTheFirewallRefusesInsideSpringMvcIsAProblem() {
		// The firewall checks a header when it is read; content negotiation reads Accept.
		RawHttp.Response response = RawHttp.send(this.port, "GET /test-probe/json HTTP/1.1",
				"Accept: application/json\u0085");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void headerTheFirewallRefusesIsAProblem() {
		// U+0085 (NEL) is a control character: Tomcat lets the byte through, the
		// security firewall does not.
		RawHttp.Response response = RawHttp.send(this.port, "GET /api/v1/inbox HTTP/1.1",
				"Authorization: Bearer abc\u0085def");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void pathTheFirewallRefusesIsAProblem() {
		RawHttp.Response response = RawHttp.send(this.port, "GET /api/v1/purposes;x=1 HTTP/1.1");

		assertRawProblem(response, 400, "MALFORMED_REQUEST");
	}

	@Test
	void errorPathAskedForDirectlyIsNotFound() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/error")));

		assertProblem(response, 404, "NOT_FOUND", "/error");
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String code, String path) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("type").asString()).endsWith(code.toLowerCase().replace('_', '-'));
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
		return problem;
	}

	private static JsonNode assertRawProblem(RawHttp.Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("type").asString()).endsWith(code.toLowerCase().replace('_', '-'));
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html").doesNotContain("Tomcat");
		return problem;
	}

}
