package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.identity.ApiAccessDenied;
import nl.ketenpoort.gateway.identity.CredentialsRefused;
import nl.ketenpoort.gateway.identity.RequestsRefused;

/**
 * Decides how a request refused by access control is audited, without letting a flood of
 * refusals load the hash-chained audit log: a refusal that carried credentials (a token,
 * a session) is published one by one ({@link CredentialsRefused},
 * {@link ApiAccessDenied}) with a bounded reason code, up to a limit per client address
 * and interval; a 401 without any credentials is counted in the metric
 * {@value #UNAUTHENTICATED} and, with the rest, summarised per client address once per
 * interval ({@link RequestsRefused}). Client addresses appear only as their HMAC
 * pseudonym ({@link LoginKeys#address}), never tokens, paths or other text the caller
 * chose.
 */
public class Refusals {

	/** The metric of 401s without any credentials. */
	public static final String UNAUTHENTICATED = "ketenpoort.http.unauthenticated";

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private final RefusalWindows windows;

	private final LoginKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Counter unauthenticated;

	Refusals(RefusalWindows windows, LoginKeys keys, ApplicationEventPublisher events, MeterRegistry meters,
			Clock clock) {
		this.windows = windows;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
		this.unauthenticated = Counter.builder(UNAUTHENTICATED)
			.description("Requests refused with 401 that carried no credentials at all")
			.register(meters);
	}

	/** Records a 401. */
	void unauthenticated(HttpServletRequest request, AuthenticationException exception) {
		String address = address(request);
		Optional<String> reason = credentialsReason(request, exception);
		if (reason.isEmpty()) {
			this.unauthenticated.increment();
			this.windows.countWithoutCredentials(address);
			return;
		}
		if (this.windows.admitWithCredentials(address)) {
			publish(new CredentialsRefused(Actors.find(), reason.get(), address));
		}
	}

	/** Records a 403. */
	void denied(HttpServletRequest request, AccessDeniedException exception) {
		String address = address(request);
		Optional<Actor> caller = Actors.find();
		if (caller.isEmpty() && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& request.getRequestedSessionId() == null) {
			// Such as a form posted without a session and without its CSRF token.
			this.windows.countWithoutCredentials(address);
			return;
		}
		if (this.windows.admitWithCredentials(address)) {
			publish(new ApiAccessDenied(caller, request.getMethod(), request.getRequestURI(),
					deniedReason(caller, exception), address));
		}
	}

	/** Audits the summaries whose interval has passed. */
	@Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
	public void summarise() {
		summarise(this.clock.instant());
	}

	/** Audits the summaries whose interval has passed at this time. */
	public void summarise(Instant now) {
		this.windows.due(now).forEach(this::publish);
	}

	/** Audits what was counted so far when the gateway stops, rather than losing it. */
	@EventListener(ContextClosedEvent.class)
	void summariseAll() {
		this.windows.all().forEach(this::publish);
	}

	private void publish(RefusalWindows.Summary summary) {
		publish(new RequestsRefused(summary.address(), summary.reason(), summary.count(), summary.since()));
	}

	private void publish(Object event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// The answer stays the refusal it was: a refusal changed nothing.
			log.warn("Could not audit a refused request: {}", ex.getClass().getSimpleName());
		}
	}

	private String address(HttpServletRequest request) {
		return this.keys.address(String.valueOf(request.getRemoteAddr()));
	}

	/** The reason code of a 401 that carried credentials; empty when it carried none. */
	static Optional<String> credentialsReason(HttpServletRequest request, AuthenticationException exception) {
		if (request.getAttribute(SessionLifetime.ENDED) instanceof String ended) {
			return Optional.of(ended);
		}
		if (request.getAttribute(CertificateBinding.REFUSED) instanceof String binding) {
			return Optional.of(binding);
		}
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			return Optional.of(OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth2.getError().getErrorCode())
					? RefusalReason.TOKEN_MALFORMED.name() : RefusalReason.TOKEN_INVALID.name());
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return Optional.of(RefusalReason.CREDENTIALS_UNSUPPORTED.name());
		}
		if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
			return Optional.of(RefusalReason.SESSION_UNKNOWN.name());
		}
		return Optional.empty();
	}

	private static String deniedReason(Optional<Actor> caller, AccessDeniedException exception) {
		if (exception instanceof MissingCsrfTokenException) {
			return RefusalReason.CSRF_TOKEN_MISSING.name();
		}
		if (exception instanceof CsrfException) {
			return RefusalReason.CSRF_TOKEN_INVALID.name();
		}
		if (caller.isEmpty()) {
			return RefusalReason.ACCESS_DENIED.name();
		}
		return caller.get().isPartner() ? RefusalReason.SCOPE_MISSING.name() : RefusalReason.ROLE_NOT_ALLOWED.name();
	}

}
