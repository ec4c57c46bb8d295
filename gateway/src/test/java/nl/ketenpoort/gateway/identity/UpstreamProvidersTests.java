package nl.ketenpoort.gateway.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.ClientAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings;
import nl.ketenpoort.gateway.identity.internal.federation.ProviderDiscovery;
import nl.ketenpoort.gateway.identity.internal.federation.ProviderUnavailable;
import nl.ketenpoort.gateway.identity.internal.federation.Upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A provider's discovery document is read at its first sign-in, kept once read, and after
 * a failure asked for again only when {@link UpstreamProviders#RETRY_AFTER} has passed;
 * the buttons of the login page never ask a provider anything.
 */
class UpstreamProvidersTests {

	private static final Upstream COA = new Upstream("coa", URI.create("https://login.coa.example"), "ketenpoort",
			ClientAuthentication.PRIVATE_KEY_JWT, null, "COA");

	private static final Upstream BROKER = new Upstream("broker", URI.create("https://broker.example"), "ketenpoort",
			ClientAuthentication.PRIVATE_KEY_JWT, null, "DigiD");

	private final MutableClock clock = new MutableClock();

	private final CountingDiscovery discovery = new CountingDiscovery();

	private final UpstreamProviders providers = new UpstreamProviders(List.of(BROKER, COA), this.discovery, this.clock);

	@Test
	void nothingIsAskedUntilSomeoneSignsIn() {
		assertThat(this.providers.buttons()).extracting(UpstreamProviders.ProviderButton::registrationId)
			.containsExactly("coa", "broker");
		assertThat(this.providers.buttons().get(1).path()).isEqualTo("/oauth2/authorization/broker");
		assertThat(this.discovery.asked).hasValue(0);
	}

	@Test
	void aProviderThatIsDownIsAskedAgainOnlyAfterAWhile() {
		// given
		this.discovery.down = true;

		// when / then: the first failure is fresh, the next ones within the window are
		// not
		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.providers.findByRegistrationId("coa"))
			.matches(ProviderUnavailable::fresh);
		this.clock.advance(Duration.ofSeconds(9));
		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.providers.findByRegistrationId("coa"))
			.matches((ex) -> !ex.fresh());
		assertThat(this.discovery.asked).hasValue(1);

		// when: it is back, and the window has passed
		this.discovery.down = false;
		this.clock.advance(Duration.ofSeconds(2));
		ClientRegistration registration = this.providers.findByRegistrationId("coa");

		// then: read, and kept
		assertThat(registration).isNotNull();
		assertThat(this.providers.findByRegistrationId("coa")).isSameAs(registration);
		assertThat(this.discovery.asked).hasValue(2);
	}

	@Test
	void oneProviderDownLeavesTheOthersAlone() {
		this.discovery.down = true;
		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.providers.findByRegistrationId("coa"));

		this.discovery.down = false;

		assertThat(this.providers.findByRegistrationId("broker")).isNotNull();
	}

	@Test
	void aProviderThatIsNotConfiguredIsNone() {
		assertThat(this.providers.findByRegistrationId("amsterdam")).isNull();
		assertThat(this.discovery.asked).hasValue(0);
	}

	/** Discovery without a provider: counts the questions, fails while "down". */
	private static final class CountingDiscovery extends ProviderDiscovery {

		final AtomicInteger asked = new AtomicInteger();

		volatile boolean down;

		CountingDiscovery() {
			super(org.springframework.web.client.RestClient.create(), "{baseUrl}/login/oauth2/code/{registrationId}");
		}

		@Override
		public ClientRegistration registration(Upstream upstream) {
			this.asked.incrementAndGet();
			if (this.down) {
				throw new ProviderUnavailable(upstream.registrationId(), true, null);
			}
			return ClientRegistration.withRegistrationId(upstream.registrationId())
				.clientId(upstream.clientId())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri(upstream.issuerId() + "/authorize")
				.tokenUri(upstream.issuerId() + "/token")
				.build();
		}

	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-03-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
