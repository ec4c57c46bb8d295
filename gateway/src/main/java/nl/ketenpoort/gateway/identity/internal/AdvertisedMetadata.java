package nl.ketenpoort.gateway.identity.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.CODE_CHALLENGE_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.DPOP_SIGNING_ALG_VALUES_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.GRANT_TYPES_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.ISSUER;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS;
import static org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT;
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

	/** RFC 8705 section 5: the endpoints on the mutual-TLS port. */
	static final String MTLS_ENDPOINT_ALIASES = "mtls_endpoint_aliases";

	/** The endpoints a client authenticates at, aliased on the mutual-TLS port. */
	static final List<String> ALIASED_ENDPOINTS = List.of(TOKEN_ENDPOINT, INTROSPECTION_ENDPOINT, REVOCATION_ENDPOINT);

	/** A claims customizer for both metadata builders (they share no public type). */
	static void restrict(Map<String, Object> claims) {
		restrict(claims, MtlsSettings.off());
	}

	/**
	 * Also advertises {@code tls_client_auth}, certificate-bound tokens and the endpoints
	 * on the mutual-TLS port ({@code mtls_endpoint_aliases}, RFC 8705 section 5) when
	 * that port is on.
	 */
	static void restrict(Map<String, Object> claims, MtlsSettings mtls) {
		claims.put(GRANT_TYPES_SUPPORTED, GRANT_TYPES);
		claims.put(TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED,
				mtls.enabled() ? withTls(TOKEN_ENDPOINT_AUTH_METHODS) : TOKEN_ENDPOINT_AUTH_METHODS);
		claims.put("token_endpoint_auth_signing_alg_values_supported", List.of(SignatureAlgorithm.ES256.getName()));
		List<String> confidential = mtls.enabled() ? withTls(CONFIDENTIAL_AUTH_METHODS) : CONFIDENTIAL_AUTH_METHODS;
		claims.put(INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED, confidential);
		claims.put(REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED, confidential);
		// The web client is registered with requireProofKey; S256 is the only method
		// Spring Authorization Server accepts.
		claims.put(CODE_CHALLENGE_METHODS_SUPPORTED, List.of("S256"));
		// The API does not check DPoP proofs, so offering them would promise a
		// protection that is not there; certificate-bound tokens only with the port on.
		claims.remove(DPOP_SIGNING_ALG_VALUES_SUPPORTED);
		claims.remove(TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
		claims.remove(MTLS_ENDPOINT_ALIASES);
		if (mtls.enabled()) {
			claims.put(TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS, true);
			URI base = mtlsBase(claims.get(ISSUER), mtls);
			if (base != null) {
				Map<String, Object> aliases = new LinkedHashMap<>();
				for (String endpoint : ALIASED_ENDPOINTS) {
					if (claims.get(endpoint) instanceof String url) {
						URI uri = URI.create(url);
						aliases.put(endpoint, base.resolve(uri.getRawPath()).toString());
					}
				}
				claims.put(MTLS_ENDPOINT_ALIASES, aliases);
			}
		}
	}

	private static List<String> withTls(List<String> methods) {
		List<String> all = new ArrayList<>(methods);
		all.add(ClientAuthenticationMethod.TLS_CLIENT_AUTH.getValue());
		return List.copyOf(all);
	}

	/**
	 * The configured public address of the mutual-TLS port, or the issuer's host with
	 * {@code https} and that port.
	 */
	private static @Nullable URI mtlsBase(@Nullable Object issuer, MtlsSettings mtls) {
		if (mtls.publicUrl() != null) {
			return mtls.publicUrl();
		}
		if (issuer == null) {
			return null;
		}
		URI uri = URI.create(String.valueOf(issuer));
		if (uri.getHost() == null) {
			return null;
		}
		return URI.create("https://" + (uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost()) + ":"
				+ mtls.port() + "/");
	}

}
