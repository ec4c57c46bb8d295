package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For pages with a login session: makes the {@link Actor} of the logged-in person the
 * principal of this request (read fresh from the user table, so a deactivated person is
 * anonymous at once). The session itself keeps the plain login: the form login's, or a
 * {@link FederatedPerson} of a sign-in at an upstream provider.
 */
class SessionActorFilter extends OncePerRequestFilter {

	private final People people;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SessionActorFilter(People people) {
		this.people = people;
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
				.ifPresent((person) -> context.setAuthentication(new ActorAuthentication(person.toActor(Set.of()),
						person.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())));
			this.holder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private java.util.Optional<Person> person(String id) {
		try {
			return this.people.find(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
