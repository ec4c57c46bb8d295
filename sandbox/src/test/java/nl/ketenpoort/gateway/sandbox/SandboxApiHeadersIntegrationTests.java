package nl.ketenpoort.gateway.sandbox;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's answers are in the demo's OpenAPI document beside the API's, so they
 * carry the same {@code API-Version} and NL GOV API Design Rules security headers
 * ({@code /core/version-header}, {@code /core/transport/security-headers}) as the
 * gateway's own controllers ({@code ApiDesignRulesIntegrationTests}).
 */
class SandboxApiHeadersIntegrationTests extends GatewayIntegrationTest {

	@Test
	void anAnswerOfTheSandboxControllerCarriesTheVersionAndTheSecurityHeaders() {
		// when
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/sandbox/partners/tvs/mode")).GET());

		// then
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		Map.of("API-Version", "1.0.0", "Cache-Control", "no-store", "Content-Security-Policy",
				"default-src 'none'; frame-ancestors 'none'", "Strict-Transport-Security",
				"max-age=31536000; includeSubDomains", "X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
				"Referrer-Policy", "no-referrer")
			.forEach((name, value) -> assertThat(answer.headers().allValues(name)).as(name).containsExactly(value));
	}

}
