package nl.ketenpoort.gateway.identity;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Verifies an access token (signature, type, audience, time) and then asks the
 * authorization store whether it is still active, so that a revoked token stops working
 * at once on every node (RFC 7009), not only when it expires.
 */
class AccessTokenDecoder implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2AuthorizationService authorizations;

	AccessTokenDecoder(JwtDecoder verifier, OAuth2AuthorizationService authorizations) {
		this.verifier = verifier;
		this.authorizations = authorizations;
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = this.verifier.decode(token);
		OAuth2Authorization authorization = this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		if (authorization == null || authorization.getAccessToken() == null
				|| !authorization.getAccessToken().isActive()) {
			throw new BadJwtException("The access token was revoked or is unknown");
		}
		return jwt;
	}

}
