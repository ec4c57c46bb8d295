package nl.ketenpoort.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import nl.ketenpoort.gateway.identity.internal.federation.FederatedLogin;
import nl.ketenpoort.gateway.identity.internal.federation.ProviderDiscovery;
import nl.ketenpoort.gateway.identity.internal.federation.ProviderUnavailable;
import nl.ketenpoort.gateway.identity.internal.federation.Upstream;

/**
 * The upstream OpenID providers, as Spring Security's client registrations. A provider's
 * discovery document is read at its first sign-in, not at start-up, so that a provider
 * that is down does not keep the gateway from starting; while it cannot be read, signing
 * in there answers {@link ProviderUnavailable} (asking again at most every
 * {@link #RETRY_AFTER}), and the other providers and the login form work as usual.
 */
public class UpstreamProviders implements ClientRegistrationRepository {

	/** How long a failed discovery is believed before the provider is asked again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private final Map<String, Upstream> providers;

	private final ProviderDiscovery discovery;

	private final Clock clock;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	private final Map<String, Instant> failed = new ConcurrentHashMap<>();

	public UpstreamProviders(List<Upstream> providers, ProviderDiscovery discovery, Clock clock) {
		Map<String, Upstream> byId = new LinkedHashMap<>();
		providers.forEach((provider) -> byId.put(provider.registrationId(), provider));
		this.providers = byId;
		this.discovery = discovery;
		this.clock = clock;
	}

	/**
	 * The registration of a configured provider, its discovery document read if it was
	 * not yet.
	 * @param registrationId the organisation code, or {@code broker}
	 * @return the registration; {@code null} for a provider that is not configured
	 * @throws ProviderUnavailable when the provider's discovery document cannot be read
	 */
	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		Upstream provider = this.providers.get(registrationId);
		if (provider == null) {
			return null;
		}
		ClientRegistration known = this.discovered.get(registrationId);
		if (known != null) {
			return known;
		}
		// One discovery at a time per provider: a crowd signing in at once while it
		// is slow makes one request, not one each.
		synchronized (provider) {
			known = this.discovered.get(registrationId);
			if (known != null) {
				return known;
			}
			Instant failedAt = this.failed.get(registrationId);
			if (failedAt != null && this.clock.instant().isBefore(failedAt.plus(RETRY_AFTER))) {
				throw new ProviderUnavailable(registrationId, false, null);
			}
			try {
				ClientRegistration registration = this.discovery.registration(provider);
				this.discovered.put(registrationId, registration);
				this.failed.remove(registrationId);
				return registration;
			}
			catch (ProviderUnavailable ex) {
				this.failed.put(registrationId, this.clock.instant());
				throw ex;
			}
		}
	}

	/** The configured provider with this registration id. */
	public Optional<Upstream> provider(String registrationId) {
		return Optional.ofNullable(this.providers.get(registrationId));
	}

	/**
	 * The buttons of the login page, one per configured provider (organisations first,
	 * the broker last), without asking any provider anything.
	 * @return the buttons
	 */
	public List<ProviderButton> buttons() {
		return this.providers.values()
			.stream()
			.sorted((a, b) -> Boolean.compare(a.isBroker(), b.isBroker()))
			.map((provider) -> new ProviderButton(provider.registrationId(), provider.displayName(),
					provider.isBroker()))
			.toList();
	}

	/** Whether any provider is configured. */
	public boolean any() {
		return !this.providers.isEmpty();
	}

	/**
	 * One way to sign in on the login page.
	 *
	 * @param registrationId the provider's registration id
	 * @param displayName the name shown on the button
	 * @param broker whether this is the DigiD broker (for status holders) rather than an
	 * organisation's provider (for its staff)
	 */
	public record ProviderButton(String registrationId, String displayName, boolean broker) {

		/** Where the button leads: the start of the sign-in at this provider. */
		public String path() {
			return FederatedLogin.AUTHORIZATION_BASE_URI + "/" + this.registrationId;
		}

	}

}
