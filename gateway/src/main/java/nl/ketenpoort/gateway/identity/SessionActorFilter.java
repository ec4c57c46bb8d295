package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For pages with a login session: makes the {@link Actor} of the logged-in person the
 * principal of this request (read fresh from the user table, so a deactivated person is
 * anonymous at once). The session itself keeps the plain login, and at most the id of the
 * mandate under which the person acts for someone, confirmed anew at every request.
 */
class SessionActorFilter extends OncePerRequestFilter {

	private final People people;

	private final @Nullable ActingForCheck actingFor;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SessionActorFilter(People people, @Nullable ActingForCheck actingFor) {
		this.people = people;
		this.actingFor = actingFor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = this.holder.getContext().getAuthentication();
		if (login != null && login.isAuthenticated() && login.getPrincipal() instanceof UserDetails user) {
			SecurityContext context = this.holder.createEmptyContext();
			person(user.getUsername()).filter(Person::active)
				.ifPresent((person) -> context.setAuthentication(new ActorAuthentication(
						representing(person.toActor(Set.of()), request.getSession(false)), login.getAuthorities())));
			this.holder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The person acting for the status holder their session represents, while the mandate
	 * holds; once it does not, the session forgets it and the person is only themself
	 * again.
	 */
	private Actor representing(Actor person, @Nullable HttpSession session) {
		Object mandate = (session != null) ? session.getAttribute(ActingForCheck.SESSION_ATTRIBUTE) : null;
		if (mandate == null) {
			return person;
		}
		Optional<Actor.ActingFor> confirmed = (this.actingFor != null)
				? uuid(mandate.toString()).flatMap((id) -> this.actingFor.confirm(person, id)) : Optional.empty();
		if (confirmed.isPresent()) {
			return person.actingFor(confirmed.get());
		}
		session.removeAttribute(ActingForCheck.SESSION_ATTRIBUTE);
		session.setAttribute(ActingForCheck.ENDED_ATTRIBUTE, Boolean.TRUE);
		return person;
	}

	private Optional<Person> person(String id) {
		return uuid(id).flatMap(this.people::find);
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
