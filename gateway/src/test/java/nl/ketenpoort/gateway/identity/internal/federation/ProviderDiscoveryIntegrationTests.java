package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.time.Duration;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.ClientAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import nl.ketenpoort.gateway.identity.federation.TestProviders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ketenpoort's registration at a provider is made from the provider's own discovery
 * document (the real provider on loopback of {@link TestProviders}, hence in the shared
 * context rather than a unit test that would start one of its own), and only when the
 * document names exactly the configured issuer.
 */
class ProviderDiscoveryIntegrationTests extends GatewayIntegrationTest {

	private final ProviderDiscovery discovery = new ProviderDiscovery(rest(),
			"{baseUrl}/login/oauth2/code/{registrationId}");

	@Test
	void theRegistrationComesFromTheDiscoveryDocument() {
		// given
		String issuer = TestProviders.issuer("coa");

		// when
		ClientRegistration registration = this.discovery.registration(upstream(issuer));

		// then
		assertThat(registration.getRegistrationId()).isEqualTo("coa");
		assertThat(registration.getClientId()).isEqualTo("ketenpoort-coa");
		assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
		assertThat(registration.getScopes()).containsExactly("openid");
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
		assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(issuer + "/token");
		assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer + "/jwks");
		assertThat(registration.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
		assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
	}

	@Test
	void aDocumentNamingAnotherIssuerIsNotTrusted() {
		// given: configured with a trailing slash, which the provider's issuer has not
		String configured = TestProviders.issuer("coa") + "/";

		// when / then
		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.discovery.registration(upstream(configured)));
	}

	@Test
	void aProviderThatDoesNotAnswerIsUnavailable() {
		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.discovery.registration(upstream("http://127.0.0.1:9/coa")))
			.matches(ProviderUnavailable::fresh);
	}

	private static Upstream upstream(String issuer) {
		return new Upstream("coa", URI.create(issuer), "ketenpoort-coa", ClientAuthentication.PRIVATE_KEY_JWT, null,
				"COA");
	}

	private static RestClient rest() {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(Duration.ofSeconds(10));
		factory.setReadTimeout(Duration.ofSeconds(10));
		return RestClient.builder().requestFactory(factory).build();
	}

}
