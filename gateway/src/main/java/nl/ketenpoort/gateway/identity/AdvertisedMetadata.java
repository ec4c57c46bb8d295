package nl.ketenpoort.gateway.identity;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.CODE_CHALLENGE_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.DPOP_SIGNING_ALG_VALUES_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.GRANT_TYPES_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED;

/**
 * Narrows the discovery documents (OpenID Connect discovery and RFC 8414) to what the
 * clients of {@link RegisteredClients} can actually use, instead of everything Spring
 * Authorization Server could do: a client that follows the metadata must not pick a grant
 * or an authentication method that is then refused.
 */
final class AdvertisedMetadata {

	/**
	 * Partners: client_credentials; people through the web client: authorization_code.
	 */
	static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

	/**
	 * Partners sign a client assertion; the public web client has no secret and redeems
	 * its code with the PKCE verifier ({@code none}).
	 */
	static final List<String> TOKEN_ENDPOINT_AUTH_METHODS = List
		.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue(), ClientAuthenticationMethod.NONE.getValue());

	/** Only confidential clients (partners) may introspect or revoke. */
	static final List<String> CONFIDENTIAL_AUTH_METHODS = List
		.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue());

	private AdvertisedMetadata() {
	}

	/** A claims customizer for both metadata builders (they share no public type). */
	static void restrict(Map<String, Object> claims) {
		claims.put(GRANT_TYPES_SUPPORTED, GRANT_TYPES);
		claims.put(TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED, TOKEN_ENDPOINT_AUTH_METHODS);
		claims.put("token_endpoint_auth_signing_alg_values_supported", List.of(SignatureAlgorithm.ES256.getName()));
		claims.put(INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED, CONFIDENTIAL_AUTH_METHODS);
		claims.put(REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED, CONFIDENTIAL_AUTH_METHODS);
		// The web client is registered with requireProofKey; S256 is the only method
		// Spring Authorization Server accepts.
		claims.put(CODE_CHALLENGE_METHODS_SUPPORTED, List.of("S256"));
		// The API checks neither DPoP proofs nor certificate-bound tokens, so offering
		// them would promise a protection that is not there.
		claims.remove(DPOP_SIGNING_ALG_VALUES_SUPPORTED);
		claims.remove(TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
	}

}
