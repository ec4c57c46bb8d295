package nl.ketenpoort.gateway.identity.internal;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The issuer: derived from each request locally and in the demo, but required under the
 * {@code prod} profile.
 */
class IdentityConfigurationTests {

	private final IdentityConfiguration configuration = new IdentityConfiguration();

	@Test
	void productionRefusesToStartWithoutAnIssuer() {
		// given
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		// when / then
		assertThatExceptionOfType(IdentitySettingsInvalid.class)
			.isThrownBy(() -> this.configuration.authorizationServerSettings(settings(null), prod))
			.withMessageContaining("ketenpoort.identity.issuer")
			.withMessageContaining("prod");
	}

	@Test
	void productionUsesTheConfiguredIssuer() {
		// given
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		// when
		AuthorizationServerSettings settings = this.configuration
			.authorizationServerSettings(settings(URI.create("https://ketenpoort.example.nl")), prod);

		// then
		assertThat(settings.getIssuer()).isEqualTo("https://ketenpoort.example.nl");
	}

	@Test
	void localAndDemoRunsDeriveTheIssuerFromTheRequest() {
		// given
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");

		// when / then
		assertThat(this.configuration.authorizationServerSettings(settings(null), new MockEnvironment()).getIssuer())
			.isNull();
		assertThat(this.configuration.authorizationServerSettings(settings(null), demo).getIssuer()).isNull();
	}

	private static IdentitySettings settings(URI issuer) {
		return new IdentitySettings(issuer, "ketenpoort-api", java.time.Duration.ofMinutes(5),
				java.time.Duration.ofMinutes(5), "unused",
				new IdentitySettings.WebClient("ketenpoort-web", List.of(URI.create("http://127.0.0.1:8080/cb"))),
				new LoginThrottling(5, java.time.Duration.ofMinutes(15), java.time.Duration.ofSeconds(1),
						java.time.Duration.ofSeconds(30), 50, java.time.Duration.ofHours(1)));
	}

}
