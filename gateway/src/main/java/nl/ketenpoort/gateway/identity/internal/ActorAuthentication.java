package nl.ketenpoort.gateway.identity.internal;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import nl.ketenpoort.gateway.identity.Actor;

/**
 * An authenticated request whose principal is the {@link Actor}; the credentials (the
 * bearer token) are never exposed.
 */
final class ActorAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	ActorAuthentication(Actor actor, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.actor = actor;
		setAuthenticated(true);
	}

	@Override
	public Actor getPrincipal() {
		return this.actor;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.actor.id();
	}

}
