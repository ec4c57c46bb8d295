package nl.ketenpoort.gateway.identity.internal.federation;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.LoginFailed;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import nl.ketenpoort.gateway.problem.Problems;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.client.ResourceAccessException;
import nl.ketenpoort.gateway.identity.ProviderRefusalPage;
import nl.ketenpoort.gateway.identity.UpstreamProviders;

/**
 * Answers a sign-in at an upstream provider that did not let the person in, at whichever
 * step it failed (the redirect to the provider, or its answer): to a browser a page in
 * the person's language, to anything else an RFC 9457 problem document; never a 500.
 * Every failure of a sign-in that was under way is audited as {@code login-failed} with
 * its bounded {@link RefusalReason}; an answer that belongs to no sign-in begun here (no
 * matching {@code state}), an unknown provider, and a provider already known to be down
 * are not, so that nobody can flood the audit log with them.
 */
class FederatedLoginFailures implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(FederatedLoginFailures.class);

	private static final String NO_AUTHORIZATION_REQUEST = "authorization_request_not_found";

	private final UpstreamProviders providers;

	private final ProblemResponses problems;

	private final ApplicationEventPublisher events;

	private final MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

	FederatedLoginFailures(UpstreamProviders providers, ProblemResponses problems, ApplicationEventPublisher events) {
		this.providers = providers;
		this.problems = problems;
		this.events = events;
		this.browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String registrationId = registrationId(request);
		if (this.providers.provider(registrationId).isEmpty()) {
			log.debug("Refused a sign-in at a provider that is not configured");
			this.problems.write(request, response, ProblemCode.NOT_FOUND, ProblemCode.NOT_FOUND.defaultDetail());
			return;
		}
		RefusalReason refusal = refusal(exception);
		if (audited(exception)) {
			Optional<Actor> account = (exception instanceof FederatedLoginRefused refused) ? refused.account()
					: Optional.empty();
			this.events.publishEvent(new LoginFailed(account, refusal.name()));
		}
		log.debug("A sign-in at an upstream provider did not let the person in: {}", refusal);
		String provider = this.providers.provider(registrationId).map(Upstream::displayName).orElse("");
		if (this.browsers.matches(request)) {
			request.setAttribute(ProviderRefusalPage.ATTRIBUTE, new ProviderRefusalPage(refusal, provider));
			response.setStatus(ProviderRefusalPage.status(refusal).value());
			request.getRequestDispatcher(ProviderRefusalPage.PAGE).forward(request, response);
			return;
		}
		ProblemCode code = switch (refusal) {
			case PROVIDER_UNAVAILABLE -> ProblemCode.SERVICE_UNAVAILABLE;
			case PROVIDER_ERROR -> ProblemCode.UNAUTHORIZED;
			default -> ProblemCode.LOGIN_REFUSED;
		};
		ProblemDetail problem = Problems.of(code, detail(refusal), request);
		problem.setProperty("reason", refusal.name());
		this.problems.write(response, problem);
	}

	static RefusalReason refusal(AuthenticationException exception) {
		if (exception instanceof FederatedLoginRefused refused) {
			return refused.refusal();
		}
		if (find(exception, ProviderUnavailable.class) != null
				|| find(exception, ResourceAccessException.class) != null) {
			return RefusalReason.PROVIDER_UNAVAILABLE;
		}
		return RefusalReason.PROVIDER_ERROR;
	}

	private static boolean audited(AuthenticationException exception) {
		ProviderUnavailable unavailable = find(exception, ProviderUnavailable.class);
		if (unavailable != null) {
			return unavailable.fresh();
		}
		return !(exception instanceof OAuth2AuthenticationException oauth2)
				|| !NO_AUTHORIZATION_REQUEST.equals(oauth2.getError().getErrorCode());
	}

	/** The provider's registration id, from the path of the step that failed. */
	private static String registrationId(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String detail(RefusalReason refusal) {
		return switch (refusal) {
			case ACR_TOO_LOW -> "The level of assurance of this sign-in is too low.";
			case ORGANISATION_MISMATCH -> "The provider's token names another organisation.";
			case NO_ROLE -> "The provider gives this person no role in Ketenpoort.";
			case NO_SUBJECT -> "This person is not known as a status holder; consent is recorded on paper.";
			case NO_BSN -> "The broker's token holds no valid BSN.";
			case ACCOUNT_DISABLED -> "This account is deactivated.";
			case REPRESENTS_INVALID -> "The broker's token names no valid BSN of the represented person.";
			case NO_MANDATE -> "No mandate lets this person act for the person they represent.";
			case MANDATE_EXPIRED -> "The mandate to act for the represented person has ended.";
			case MANDATE_REVOKED -> "The mandate to act for the represented person was revoked.";
			case PROVIDER_UNAVAILABLE -> "The sign-in service cannot be reached now; try again later.";
			// PROVIDER_ERROR; the reasons of other refusals never reach a sign-in.
			default -> "The sign-in did not succeed.";
		};
	}

	private static <T extends Throwable> @Nullable T find(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
