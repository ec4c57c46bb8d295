package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import nl.ketenpoort.gateway.identity.Role;

/**
 * Ends login sessions on time, by the gateway's clock: at the login it stamps the session
 * with the login time and the idle timeout of the person's roles (and gives the container
 * the same idle timeout, so that it forgets the session then too); on every request it
 * ends a session that was idle too long or lives past its absolute lifetime. An ended
 * session is invalidated and the request goes on anonymous, so access control answers as
 * for anyone not logged in: a browser goes to the login page, anything else gets a 401
 * problem document.
 */
public class SessionLifetime implements SessionAuthenticationStrategy {

	private static final Logger log = LoggerFactory.getLogger(SessionLifetime.class);

	/** The session attribute holding the {@link Stamp}. */
	public static final String STAMP = SessionLifetime.class.getName() + ".stamp";

	/**
	 * The request attribute set when this request's session was ended here, with the
	 * reason code as value.
	 */
	static final String ENDED = SessionLifetime.class.getName() + ".ended";

	/** The reason code of a session ended for idleness or age. */
	static final String SESSION_EXPIRED = RefusalReason.SESSION_EXPIRED.name();

	private final SessionSettings settings;

	private final Clock clock;

	SessionLifetime(SessionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void onAuthentication(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		Duration idle = idleTimeout(authentication);
		HttpSession session = request.getSession();
		Instant now = this.clock.instant();
		session.setAttribute(STAMP, new Stamp(now, now, idle));
		session.setMaxInactiveInterval((int) idle.toSeconds());
	}

	/**
	 * The idle timeout of a login: the status holders' only for a login that is a status
	 * holder and nothing else, since every other role sees other people's data.
	 */
	Duration idleTimeout(Authentication authentication) {
		Set<String> authorities = new java.util.HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			authorities.add(authority.getAuthority());
		}
		boolean statusHolderOnly = authorities.contains(Role.STATUS_HOLDER.authority())
				&& authorities.stream().filter((authority) -> authority.startsWith("ROLE_")).count() == 1;
		return statusHolderOnly ? this.settings.statusHolderIdleTimeout() : this.settings.staffIdleTimeout();
	}

	/**
	 * Whether the session stamped at the login still lives now; updates its last use when
	 * it does.
	 */
	boolean touch(HttpSession session) {
		if (!(session.getAttribute(STAMP) instanceof Stamp stamp)) {
			return true;
		}
		Instant now = this.clock.instant();
		if (now.isAfter(stamp.loggedInAt().plus(this.settings.absoluteLifetime()))) {
			log.debug("Ended a login session at its absolute lifetime of {}", this.settings.absoluteLifetime());
			return false;
		}
		if (now.isAfter(stamp.lastSeen().plus(stamp.idleTimeout()))) {
			log.debug("Ended a login session idle for longer than {}", stamp.idleTimeout());
			return false;
		}
		session.setAttribute(STAMP, new Stamp(stamp.loggedInAt(), now, stamp.idleTimeout()));
		return true;
	}

	/** The filter that applies the lifetime on every request with a session. */
	OncePerRequestFilter filter() {
		return new Filter(this);
	}

	/**
	 * When the login was, when the session was last used, and how long it may stay idle.
	 */
	public record Stamp(Instant loggedInAt, Instant lastSeen, Duration idleTimeout) implements Serializable {

	}

	private static final class Filter extends OncePerRequestFilter {

		private final SessionLifetime lifetime;

		private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

		Filter(SessionLifetime lifetime) {
			this.lifetime = lifetime;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			@Nullable HttpSession session = request.getSession(false);
			if (session != null && !this.lifetime.touch(session)) {
				session.invalidate();
				this.holder.clearContext();
				request.setAttribute(ENDED, SESSION_EXPIRED);
			}
			chain.doFilter(request, response);
		}

	}

}
