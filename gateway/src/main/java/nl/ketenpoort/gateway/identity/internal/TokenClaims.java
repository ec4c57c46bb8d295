package nl.ketenpoort.gateway.identity.internal;

import java.util.Collections;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes the gateway's tokens: ES256, access tokens typed {@code at+jwt} (RFC 9068) for
 * the API's audience, and no personal data: a partner token carries only {@code iss},
 * {@code sub} = {@code client_id}, {@code aud}, {@code iat}, {@code exp}, {@code jti} and
 * {@code scope}; a person's token names the person by user id only.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	private final String audience;

	TokenClaims(String audience) {
		this.audience = audience;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
			// A JDK collection type the authorization store's JSON allowlist accepts.
			context.getClaims().audience(Collections.singletonList(this.audience));
			context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
			context.getClaims().claims((claims) -> claims.remove(JwtClaimNames.NBF));
		}
	}

}
