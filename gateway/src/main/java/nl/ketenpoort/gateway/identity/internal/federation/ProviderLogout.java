package nl.ketenpoort.gateway.identity.internal.federation;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.identity.internal.FederatedPerson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import nl.ketenpoort.gateway.identity.UpstreamProviders;

/**
 * After the Ketenpoort session ended: for a sign-in at an upstream provider, on to that
 * provider's {@code end_session_endpoint} so that its session ends too (OpenID Connect
 * RP-Initiated Logout 1.0), and back to the login page from there; for a form login
 * straight to the login page, as before. A staff provider gets the ID token as
 * {@code id_token_hint} (Spring Security's
 * {@link OidcClientInitiatedLogoutSuccessHandler}); the broker gets {@code client_id}
 * instead, as its ID token named the BSN and was not kept.
 */
class ProviderLogout implements LogoutSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(ProviderLogout.class);

	static final String LOGGED_OUT = "/login?logout";

	private final UpstreamProviders providers;

	private final OidcClientInitiatedLogoutSuccessHandler withIdToken;

	private final SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();

	private final @Nullable URI baseUrl;

	/**
	 * @param providers the providers
	 * @param baseUrl Ketenpoort's public address, if configured; otherwise taken from the
	 * request
	 */
	ProviderLogout(UpstreamProviders providers, @Nullable URI baseUrl) {
		this.providers = providers;
		this.baseUrl = baseUrl;
		this.withIdToken = new OidcClientInitiatedLogoutSuccessHandler(providers);
		this.withIdToken
			.setPostLogoutRedirectUri(((baseUrl != null) ? trimmed(baseUrl.toString()) : "{baseUrl}") + LOGGED_OUT);
		this.withIdToken.setDefaultTargetUrl(LOGGED_OUT);
		this.local.setDefaultTargetUrl(LOGGED_OUT);
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OAuth2AuthenticationToken token
				&& token.getPrincipal() instanceof FederatedPerson person) {
			try {
				if (person.idTokenKept()) {
					this.withIdToken.onLogoutSuccess(request, response, authentication);
					return;
				}
				URI endSession = endSession(token.getAuthorizedClientRegistrationId(), request);
				if (endSession != null) {
					response.sendRedirect(endSession.toString());
					return;
				}
			}
			catch (ProviderUnavailable ex) {
				log.debug("Logged out without ending the session at the provider: it is unavailable");
			}
		}
		this.local.onLogoutSuccess(request, response, authentication);
	}

	private @Nullable URI endSession(String registrationId, HttpServletRequest request) {
		ClientRegistration registration = this.providers.findByRegistrationId(registrationId);
		if (registration == null) {
			return null;
		}
		Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (endpoint == null) {
			return null;
		}
		String back = (this.baseUrl != null) ? trimmed(this.baseUrl.toString()) : baseUrl(request);
		return UriComponentsBuilder.fromUriString(endpoint.toString())
			.queryParam("client_id", registration.getClientId())
			.queryParam("post_logout_redirect_uri", back + LOGGED_OUT)
			.encode()
			.build()
			.toUri();
	}

	private static String baseUrl(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	private static String trimmed(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
