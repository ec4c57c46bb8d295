package nl.ketenpoort.gateway.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Lets a client introspect only tokens issued to itself: for a token of another client
 * the answer is {@code {"active": false}}, as RFC 7662 section 2.2 allows, so that one
 * partner learns nothing about another partner's tokens.
 */
class OwnTokensIntrospection implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(OwnTokensIntrospection.class);

	private final AuthenticationProvider introspection;

	OwnTokensIntrospection(AuthenticationProvider introspection) {
		this.introspection = introspection;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.introspection.authenticate(authentication);
		if (!(result instanceof OAuth2TokenIntrospectionAuthenticationToken introspected)
				|| !introspected.getTokenClaims().isActive()) {
			return result;
		}
		String caller = callerClientId(introspected);
		String owner = introspected.getTokenClaims().getClientId();
		if (caller != null && caller.equals(owner)) {
			return result;
		}
		log.debug("Introspection by client {} of a token issued to another client answered as inactive", caller);
		OAuth2TokenIntrospectionAuthenticationToken inactive = new OAuth2TokenIntrospectionAuthenticationToken(
				introspected.getToken(), (Authentication) introspected.getPrincipal(),
				OAuth2TokenIntrospection.builder().build());
		inactive.setDetails(introspected.getDetails());
		return inactive;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.introspection.supports(authentication);
	}

	private static String callerClientId(OAuth2TokenIntrospectionAuthenticationToken introspected) {
		if (introspected.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return client.getRegisteredClient().getClientId();
		}
		return null;
	}

}
