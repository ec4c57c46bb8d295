package nl.ketenpoort.gateway.sandbox;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's rows of the access matrix (the gateway's
 * {@code AccessMatrixIntegrationTests} holds the product's): the simulated partner
 * systems are open to every caller alike, anonymous, a partner's token or any role's
 * login, because the gateway delivers to them and they prove a delivery by its consent
 * statement, not by a login. The table must list exactly the {@code /sandbox} endpoints
 * that exist.
 */
class SandboxAccessIntegrationTests extends GatewayIntegrationTest {

	/** Endpoint → (request, the status class every caller gets). */
	private static final Map<String, Row> ROWS = rows();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestTokens tokens;

	@Test
	void theTableListsExactlyTheSandboxEndpoints() {
		assertThat(sandboxEndpoints()).isEqualTo(ROWS.keySet());
	}

	@Test
	void everyCallerGetsWhatTheTableSays() {
		// given: anonymous, a partner's token, and a login of every other role
		Map<String, Caller> callers = new LinkedHashMap<>();
		callers.put("anonymous", new Caller(null, null));
		callers.put("partner", new Caller(this.tokens.partner("tvs"), null));
		for (Role role : Role.values()) {
			if (role != Role.PARTNER) {
				TestTokens.Login login = this.tokens.newPerson(role, organisation(role), null);
				callers.put(role.code(),
						new Caller(null, PageSession.logIn(this.port, login.username(), login.password())));
			}
		}
		List<String> mismatches = new ArrayList<>();

		// when
		ROWS.forEach((endpoint, row) -> callers.forEach((name, caller) -> {
			int status = call(caller, row).statusCode();
			if (status / 100 != row.expected() / 100 || (row.expected() >= 400 && status != row.expected())) {
				mismatches.add(endpoint + " as " + name + ": expected " + row.expected() + " but got " + status);
			}
		}));

		// then
		assertThat(callers).hasSize(Role.values().length + 1);
		assertThat(mismatches).isEmpty();
	}

	private HttpResponse<String> call(Caller caller, Row row) {
		if (caller.session() != null) {
			return caller.session()
				.request(row.method(), row.path(), "application/json", "application/json", row.body());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(row.path()))
			.header("Accept", "application/json")
			.method(row.method(), row.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(row.body()));
		if (!row.body().isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		if (caller.token() != null) {
			request.header("Authorization", "Bearer " + caller.token());
		}
		return send(request);
	}

	private Set<String> sandboxEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/sandbox")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((method) -> endpoints.add(method.name() + " " + pattern));
				}
			}
		}
		return endpoints;
	}

	private static String organisation(Role role) {
		return switch (role) {
			case CASE_MANAGER, PRIVACY_OFFICER -> "coa";
			case CLIENT_MANAGER -> "amsterdam";
			default -> null;
		};
	}

	private static Map<String, Row> rows() {
		Map<String, Row> rows = new LinkedHashMap<>();
		// 404 for a partner the sandbox does not simulate, whoever asks
		rows.put("POST /sandbox/partners/{id}", new Row("POST", "/sandbox/partners/no-such-partner", "{}", 404));
		rows.put("GET /sandbox/partners", new Row("GET", "/sandbox/partners", "", 200));
		rows.put("GET /sandbox/partners/{id}/received",
				new Row("GET", "/sandbox/partners/taalschool-b/received", "", 200));
		rows.put("GET /sandbox/partners/{id}/mode", new Row("GET", "/sandbox/partners/taalschool-b/mode", "", 200));
		// Reached: an empty body names no mode, which is a 400 problem, not a refusal
		rows.put("POST /sandbox/partners/{id}/mode", new Row("POST", "/sandbox/partners/taalschool-b/mode", "{}", 400));
		return rows;
	}

	/** One endpoint's probe and the status every caller gets. */
	private record Row(String method, String path, String body, int expected) {
	}

	/** A caller: a bearer token, a login session, or neither. */
	private record Caller(String token, PageSession session) {
	}

}
