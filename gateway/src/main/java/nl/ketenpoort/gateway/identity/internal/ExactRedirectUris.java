package nl.ketenpoort.gateway.identity.internal;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

/**
 * Checks an authorization request's {@code redirect_uri} by exact string comparison with
 * the registered ones (RFC 9700 section 2.1), also on loopback addresses, where Spring
 * Authorization Server by default lets any port through (RFC 8252 section 7.3): the web
 * client is registered with its real port, and any other local process must not receive a
 * person's code.
 */
final class ExactRedirectUris implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private static final Logger log = LoggerFactory.getLogger(ExactRedirectUris.class);

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

	private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults = new OAuth2AuthorizationCodeRequestAuthenticationValidator();

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String redirectUri = request.getRedirectUri();
		if (redirectUri != null && !context.getRegisteredClient().getRedirectUris().contains(redirectUri)) {
			log.debug("Authorization request of client {} refused: redirect_uri is not registered exactly",
					request.getClientId());
			// Without the request in the exception the error is answered with 400 and
			// not sent to the unregistered address.
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: redirect_uri", ERROR_URI),
					null);
		}
		this.defaults.accept(context);
	}

}
