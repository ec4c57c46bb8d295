package nl.ketenpoort.gateway.identity;

import java.util.Optional;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth2 clients, derived rather than stored: one confidential client per partner
 * system ({@code client_credentials} with {@code private_key_jwt}, scopes from the
 * partner registry) and the public web client people log in through (authorization code
 * with PKCE).
 */
class RegisteredClients implements RegisteredClientRepository {

	private final Partners partners;

	private final IdentitySettings settings;

	private final RegisteredClient webClient;

	RegisteredClients(Partners partners, IdentitySettings settings) {
		this.partners = partners;
		this.settings = settings;
		this.webClient = webClient(settings);
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Clients come from the partner registry (partners.yaml)");
	}

	/**
	 * Also finds inactive partners: stored authorizations of a partner that was switched
	 * off must still be readable (to answer introspection with "inactive").
	 */
	@Override
	public @Nullable RegisteredClient findById(String id) {
		return find(id, false).orElse(null);
	}

	/** Only clients that may authenticate now. */
	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		return find(clientId, true).orElse(null);
	}

	private Optional<RegisteredClient> find(String clientId, boolean activeOnly) {
		if (this.webClient.getClientId().equals(clientId)) {
			return Optional.of(this.webClient);
		}
		return this.partners.find(clientId)
			.filter((partner) -> !activeOnly || partner.active())
			.map(this::partnerClient);
	}

	private RegisteredClient partnerClient(Partner partner) {
		return RegisteredClient.withId(partner.id())
			.clientId(partner.id())
			.clientName(partner.displayName())
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(partner.scopes()))
			.clientSettings(ClientSettings.builder()
				.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.settings.accessTokenTimeToLive())
				.build())
			.build();
	}

	private static RegisteredClient webClient(IdentitySettings settings) {
		return RegisteredClient.withId(settings.webClient().clientId())
			.clientId(settings.webClient().clientId())
			.clientName("Ketenpoort")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> settings.webClient().redirectUris().forEach((uri) -> uris.add(uri.toString())))
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(settings.accessTokenTimeToLive())
				.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
				.authorizationCodeTimeToLive(java.time.Duration.ofMinutes(1))
				.build())
			.build();
	}

}
