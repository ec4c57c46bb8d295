package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads an upstream provider's OpenID Connect discovery document (OpenID Connect
 * Discovery 1.0 section 4) and makes Ketenpoort's client registration there from it. The
 * document must name exactly the configured issuer (section 4.3), or the provider is
 * treated as unavailable: its endpoints are not trusted.
 */
public class ProviderDiscovery {

	private static final Logger log = LoggerFactory.getLogger(ProviderDiscovery.class);

	private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	private final String redirectUri;

	/**
	 * @param rest the client for the provider, with its time limits
	 * @param redirectUri the template of the redirect URI, such as
	 * {@code {baseUrl}/login/oauth2/code/{registrationId}}
	 */
	public ProviderDiscovery(RestClient rest, String redirectUri) {
		this.rest = rest;
		this.redirectUri = redirectUri;
	}

	/**
	 * Ketenpoort's registration at this provider, from its discovery document.
	 * @param upstream the provider as configured
	 * @return the registration
	 * @throws ProviderUnavailable when the document cannot be read, or does not fit
	 */
	public ClientRegistration registration(Upstream upstream) {
		String id = upstream.registrationId();
		Map<String, Object> document;
		try {
			document = this.rest.get()
				.uri(documentUri(upstream.issuer()))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(DOCUMENT);
		}
		catch (RestClientException ex) {
			log.warn("The discovery document of the OpenID provider {} could not be read ({}); its sign-in is "
					+ "unavailable until it can", id, ex.getClass().getSimpleName());
			throw new ProviderUnavailable(id, true, ex);
		}
		if (document == null || !upstream.issuerId().equals(document.get("issuer"))) {
			log.warn("The discovery document of the OpenID provider {} does not name its configured issuer-uri; "
					+ "its sign-in is unavailable", id);
			throw new ProviderUnavailable(id, true, null);
		}
		if (upstream.authentication() == FederationSettings.ClientAuthentication.PRIVATE_KEY_JWT
				&& document.get("token_endpoint_auth_methods_supported") instanceof List<?> methods
				&& !methods.contains("private_key_jwt")) {
			log.warn("The OpenID provider {} does not list private_key_jwt among its token endpoint "
					+ "authentication methods", id);
		}
		try {
			return ClientRegistrations.fromOidcConfiguration(document)
				.registrationId(id)
				.clientName(upstream.displayName())
				.clientId(upstream.clientId())
				.clientSecret(upstream.clientSecret())
				.clientAuthenticationMethod(method(upstream))
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(this.redirectUri)
				.scope(OidcScopes.OPENID)
				.userNameAttributeName(IdTokenClaimNames.SUB)
				.build();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			log.warn("The discovery document of the OpenID provider {} is not usable: {}", id, ex.getMessage());
			throw new ProviderUnavailable(id, true, ex);
		}
	}

	static URI documentUri(URI issuer) {
		String base = issuer.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return URI.create(base + "/.well-known/openid-configuration");
	}

	private static ClientAuthenticationMethod method(Upstream upstream) {
		return switch (upstream.authentication()) {
			case PRIVATE_KEY_JWT -> ClientAuthenticationMethod.PRIVATE_KEY_JWT;
			case CLIENT_SECRET_BASIC -> ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		};
	}

}
