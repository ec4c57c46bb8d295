package nl.ketenpoort.gateway.identity.internal;

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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;

/**
 * For pages with a login session: makes the {@link Actor} of the logged-in person the
 * principal of this request (read fresh from the user table, so a deactivated person is
 * anonymous at once). The session itself keeps the plain login (the form login's, or a
 * {@link FederatedPerson} of a sign-in at an upstream provider), and at most the id of
 * the mandate under which the person acts for someone, confirmed anew at every request.
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
		String id = null;
		if (login != null && login.isAuthenticated()) {
			if (login.getPrincipal() instanceof UserDetails user) {
				id = user.getUsername();
			}
			else if (login.getPrincipal() instanceof FederatedPerson person) {
				id = person.getName();
			}
		}
		if (id != null) {
			SecurityContext context = this.holder.createEmptyContext();
			// The roles as they are now, not as they were at login: a role taken away
			// (by an operator, or by the provider's claims at a later sign-in) is gone
			// from every session at once.
			person(id).filter(Person::active)
				.ifPresent((person) -> context.setAuthentication(new ActorAuthentication(
						representing(person.toActor(Set.of()), request.getSession(false)),
						person.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())));
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
