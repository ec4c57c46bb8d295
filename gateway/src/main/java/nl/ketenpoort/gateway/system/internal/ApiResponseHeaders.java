package nl.ketenpoort.gateway.system.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the headers of the NL GOV API Design Rules on every answer before anything else
 * runs, so that refusals by the security filters, problem documents and error dispatches
 * carry them too; {@link ProblemReportValve} does the same for what the container refuses
 * before any filter.
 * <ul>
 * <li>{@code API-Version} on every answer ({@code /core/version-header});</li>
 * <li>on API, authorization server, discovery, actuator, OpenAPI and sandbox answers the
 * security headers of {@code /core/transport/security-headers}:
 * {@code Cache-Control: no-store},
 * {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'},
 * {@code Strict-Transport-Security}, {@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer};</li>
 * <li>on pages only those that do not fight the page chain's own policy (which already
 * has {@code frame-ancestors 'none'}, {@code no-store} and {@code DENY}):
 * {@code Strict-Transport-Security} and {@code X-Content-Type-Options}.</li>
 * </ul>
 * A header a handler sets itself wins (Spring Security's writers skip a header that is
 * present; the OpenAPI resource sets {@code Access-Control-Allow-Origin} itself).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiResponseHeaders extends OncePerRequestFilter {

	/**
	 * HSTS for a year with subdomains; a browser ignores it on plain HTTP (RFC 6797
	 * §8.1), so it does no harm on a development port.
	 */
	static final String HSTS = "max-age=31536000; includeSubDomains";

	private static final Map<String, String> EVERY_ANSWER = Map.of("Strict-Transport-Security", HSTS,
			"X-Content-Type-Options", "nosniff");

	private static final Map<String, String> API_ANSWERS = Map.of("Cache-Control", "no-store",
			"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'", "X-Frame-Options", "DENY",
			"Referrer-Policy", "no-referrer");

	// /sandbox/: the demo's simulated partners and subjects answer JSON only and are in
	// the demo's OpenAPI document beside the API.
	private static final String[] API_PATHS = { "/api/", "/oauth2/", "/.well-known/", "/actuator", "/v3/api-docs",
			"/userinfo", "/connect/", "/error", "/sandbox/" };

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		write(request.getRequestURI(), response);
		chain.doFilter(request, response);
	}

	/**
	 * Writes the headers for an answer to this path, leaving those already set; without a
	 * usable path (the container could not parse the request line) it is treated as an
	 * API answer.
	 */
	static void write(@Nullable String path, HttpServletResponse response) {
		setIfAbsent(response, ApiVersion.HEADER, ApiVersion.CURRENT);
		EVERY_ANSWER.forEach((name, value) -> setIfAbsent(response, name, value));
		if (isApi(path)) {
			API_ANSWERS.forEach((name, value) -> setIfAbsent(response, name, value));
		}
	}

	static boolean isApi(@Nullable String path) {
		if (path == null) {
			return true;
		}
		for (String prefix : API_PATHS) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static void setIfAbsent(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error dispatch answers on the same response, which has the headers already.
		return true;
	}

}
