package nl.ketenpoort.gateway.identity.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery documents name mutual TLS only when its port is on.
 */
class AdvertisedMetadataTests {

	@Test
	void withThePortOffNothingOfMutualTlsIsAdvertised() {
		Map<String, Object> claims = defaults();

		AdvertisedMetadata.restrict(claims, MtlsSettings.off());

		assertThat(claims.get("token_endpoint_auth_methods_supported"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("private_key_jwt", "none");
		assertThat(claims).doesNotContainKeys("tls_client_certificate_bound_access_tokens", "mtls_endpoint_aliases");
	}

	@Test
	void withThePortOnItsEndpointsAreAliasedOnTheIssuersHost() {
		Map<String, Object> claims = defaults();

		AdvertisedMetadata.restrict(claims,
				new MtlsSettings(8443, null, null, "PKCS12", null, null, "PKCS12", null, null));

		assertThat(claims.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
		assertThat(claims.get("mtls_endpoint_aliases"))
			.isEqualTo(Map.of("token_endpoint", "https://ketenpoort.example.nl:8443/oauth2/token",
					"introspection_endpoint", "https://ketenpoort.example.nl:8443/oauth2/introspect",
					"revocation_endpoint", "https://ketenpoort.example.nl:8443/oauth2/revoke"));
	}

	@Test
	void aPublicAddressOfThePortWins() {
		Map<String, Object> claims = defaults();

		AdvertisedMetadata.restrict(claims, new MtlsSettings(8443, null, null, "PKCS12", null, null, "PKCS12", null,
				URI.create("https://mtls.ketenpoort.example.nl")));

		assertThat(((Map<?, ?>) claims.get("mtls_endpoint_aliases")).get("token_endpoint"))
			.isEqualTo("https://mtls.ketenpoort.example.nl/oauth2/token");
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> claims = new HashMap<>();
		claims.put("issuer", "https://ketenpoort.example.nl");
		claims.put("token_endpoint", "https://ketenpoort.example.nl/oauth2/token");
		claims.put("introspection_endpoint", "https://ketenpoort.example.nl/oauth2/introspect");
		claims.put("revocation_endpoint", "https://ketenpoort.example.nl/oauth2/revoke");
		claims.put("tls_client_certificate_bound_access_tokens", true);
		claims.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "tls_client_auth"));
		return claims;
	}

}
