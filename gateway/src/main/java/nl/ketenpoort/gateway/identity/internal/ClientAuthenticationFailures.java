package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Logs why a client failed to authenticate at the token, introspection or revocation
 * endpoint (at debug, without the assertion), then answers with the OAuth2 error response
 * of RFC 6749 section 5.2: {@code invalid_client} with 401, anything else with 400.
 */
class ClientAuthenticationFailures implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(ClientAuthenticationFailures.class);

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (log.isDebugEnabled()) {
			Throwable cause = ex.getCause();
			log.debug("Client authentication refused at {}: {}{}", request.getRequestURI(), ex.getMessage(),
					(cause != null) ? " (" + cause.getMessage() + ")" : "");
		}
		OAuth2Error error = (ex instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
				: HttpStatus.BAD_REQUEST);
		this.errors.write(error, null, http);
	}

}
