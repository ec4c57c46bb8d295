package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus scrape: {@code /actuator/prometheus} takes the static scrape token and
 * nothing else (no person's token, not even an operator's), and the scrape token opens
 * nothing else (every other chain decodes bearer tokens as JWTs, which it is not). Before
 * the API chain, which would otherwise claim the path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MetricsScrapeSecurity {

	static final String PATH = "/actuator/prometheus";

	static final String AUTHORITY = "METRICS_SCRAPE";

	@Bean
	@Order(0)
	SecurityFilterChain metricsScrapeChain(HttpSecurity http, ScrapeSettings settings,
			ProblemResponses problemResponses, Refusals refusals) throws Exception {
		SecurityProblems problems = new SecurityProblems(problemResponses, refusals);
		http.securityMatcher(PATH)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasAuthority(AUTHORITY))
			.addFilterBefore(new ScrapeTokenFilter(settings.token(), problems), AuthorizationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Compares the presented bearer token with the configured one in constant time: both
	 * are hashed first, so neither the content nor the length leaks through timing.
	 */
	static final class ScrapeTokenFilter extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(ScrapeTokenFilter.class);

		private final byte @Nullable [] expected;

		private final SecurityProblems problems;

		private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

		ScrapeTokenFilter(@Nullable String token, SecurityProblems problems) {
			this.expected = (token != null && !token.isBlank()) ? sha256(token) : null;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null) {
				// Anonymous: the authorization filter refuses it as unauthenticated.
				chain.doFilter(request, response);
				return;
			}
			if (!matches(header)) {
				log.debug("Refused a metrics scrape: {}",
						(this.expected == null) ? "no scrape token is configured" : "not the scrape token");
				this.problems.commence(request, response, new InvalidBearerTokenException("Not the scrape token"));
				return;
			}
			var context = this.contexts.createEmptyContext();
			context.setAuthentication(new PreAuthenticatedAuthenticationToken("metrics-scraper", "",
					List.of(new SimpleGrantedAuthority(AUTHORITY))));
			this.contexts.setContext(context);
			chain.doFilter(request, response);
		}

		boolean matches(String header) {
			if (this.expected == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return false;
			}
			return MessageDigest.isEqual(this.expected, sha256(header.substring(7).strip()));
		}

		private static byte[] sha256(String value) {
			return Digests.sha256(value);
		}

	}

}
