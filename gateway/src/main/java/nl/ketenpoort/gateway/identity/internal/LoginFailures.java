package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import nl.ketenpoort.gateway.identity.LoginRefusal;

/**
 * Answers a refused form login: a wrong password back to the form ({@code /login?error}),
 * as before; a throttled or locked login with {@code 429} (RFC 6585) and, when waiting
 * helps, {@code Retry-After}: to a browser the login page saying so in its language, to
 * anything else an RFC 9457 problem document.
 */
class LoginFailures implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private final MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

	private final ProblemResponses problems;

	LoginFailures(ProblemResponses problems) {
		this.problems = problems;
		this.browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof LoginThrottled refused)) {
			this.wrongPassword.onAuthenticationFailure(request, response, exception);
			return;
		}
		if (refused.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		}
		if (this.browsers.matches(request)) {
			request.setAttribute(LoginRefusal.ATTRIBUTE,
					new LoginRefusal(refused.retryAfter() == null, refused.retryAfterSeconds()));
			response.setStatus(refused.code().status().value());
			request.getRequestDispatcher(LoginRefusal.PAGE).forward(request, response);
			return;
		}
		this.problems.write(request, response, refused.code(),
				(refused.retryAfter() != null)
						? "Too many failed logins: wait " + refused.retryAfterSeconds() + " s before the next attempt."
						: "Too many failed logins: an operator must unlock this account.");
	}

}
