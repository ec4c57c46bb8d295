package nl.ketenpoort.gateway.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import nl.ketenpoort.gateway.identity.internal.NotAuthenticated;

/**
 * Who is calling, for code that runs in a request: a partner system with a token, or a
 * person with a token or a login session.
 */
public final class Actors {

	private Actors() {
	}

	/**
	 * The actor of the current request.
	 * @return the actor
	 * @throws NotAuthenticated when the request is anonymous
	 */
	public static Actor current() {
		return find().orElseThrow(NotAuthenticated::new);
	}

	/** The actor of the current request, if it is authenticated. */
	public static Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}

}
