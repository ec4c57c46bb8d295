package nl.ketenpoort.gateway.identity.internal;

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
 * system ({@code client_credentials} with {@code private_key_jwt}, and
 * {@code tls_client_auth} where configured; scopes from the partner registry) and the
 * public web client people log in through (authorization code with PKCE).
 */
class RegisteredClients implements RegisteredClientRepository {

	private final Partners partners;

	private final IdentitySettings settings;

	private final RegisteredClient webClient;

	private final boolean mtls;

	RegisteredClients(Partners partners, IdentitySettings settings) {
		this(partners, settings, false);
	}

	/**
	 * @param mtls whether the mutual-TLS port is on, so that partners with a certificate
	 * subject may also authenticate with {@code tls_client_auth}
	 */
	RegisteredClients(Partners partners, IdentitySettings settings, boolean mtls) {
		this.partners = partners;
		this.settings = settings;
		this.webClient = webClient(settings);
		this.mtls = mtls;
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

	/**
	 * A partner with a certificate subject may also authenticate with its client
	 * certificate on the mutual-TLS port ({@code tls_client_auth}: the TLS layer checked
	 * the chain, Spring Authorization Server compares the subject DN), and tokens issued
	 * that way are bound to the certificate ({@code cnf.x5t#S256}). Tokens issued for a
	 * client assertion stay unbound.
	 */
	private RegisteredClient partnerClient(Partner partner) {
		boolean certificate = this.mtls && partner.certificateSubject() != null;
		ClientSettings.Builder clientSettings = ClientSettings.builder()
			.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256);
		if (certificate) {
			clientSettings.x509CertificateSubjectDN(partner.certificateSubject());
		}
		return RegisteredClient.withId(partner.id())
			.clientId(partner.id())
			.clientName(partner.displayName())
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.clientAuthenticationMethods((methods) -> {
				if (certificate) {
					methods.add(ClientAuthenticationMethod.TLS_CLIENT_AUTH);
				}
			})
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(partner.scopes()))
			.clientSettings(clientSettings.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.settings.accessTokenTimeToLive())
				.x509CertificateBoundAccessTokens(certificate)
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
