package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import nl.ketenpoort.gateway.identity.Actors;

/**
 * Answers refused API calls with RFC 9457 problem documents ({@code UNAUTHORIZED},
 * {@code FORBIDDEN}) and the RFC 6750 {@code WWW-Authenticate} header, logs the reason at
 * debug level, never the token, and has {@link Refusals} audit the refusal.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

	private final ProblemResponses problems;

	private final Refusals refusals;

	SecurityProblems(ProblemResponses problems, Refusals refusals) {
		this.problems = problems;
		this.refusals = refusals;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean tokenGiven = ex instanceof InvalidBearerTokenException
				|| ex instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
		boolean sessionEnded = request.getAttribute(SessionLifetime.ENDED) != null;
		log.debug("Refused {} {} as unauthenticated: {}", request.getMethod(), request.getRequestURI(),
				tokenGiven ? ex.getMessage() : (sessionEnded ? "the session ended" : "no valid credentials"));
		this.refusals.unauthenticated(request, ex);
		response.setHeader("WWW-Authenticate", tokenGiven
				? "Bearer error=\"invalid_token\", error_description=\"The access token is not valid\"" : "Bearer");
		this.problems.write(request, response, ProblemCode.UNAUTHORIZED, tokenGiven
				? "The access token is not valid: it may have expired or been revoked."
				: sessionEnded ? "Your session has ended: log in again." : ProblemCode.UNAUTHORIZED.defaultDetail());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		log.debug("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(), Actors.find().orElse(null),
				ex.getMessage());
		this.refusals.denied(request, ex);
		response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
		this.problems.write(request, response, ProblemCode.FORBIDDEN,
				"Your token or role does not allow this request.");
	}

}
