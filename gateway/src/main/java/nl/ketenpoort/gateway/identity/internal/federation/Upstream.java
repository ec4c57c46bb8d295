package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.util.Locale;

import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.ClientAuthentication;
import org.jspecify.annotations.Nullable;

/**
 * One upstream OpenID provider as configured, before anything is known from its discovery
 * document.
 *
 * @param registrationId its id in Ketenpoort's URLs: the organisation code, or
 * {@value FederationSettings#BROKER}
 * @param issuer its issuer
 * @param clientId Ketenpoort's client id there
 * @param authentication how Ketenpoort authenticates at its token endpoint
 * @param clientSecret the secret, for {@code client_secret_basic}
 * @param displayName its name on the login page
 */
public record Upstream(String registrationId, URI issuer, String clientId, ClientAuthentication authentication,
		@Nullable String clientSecret, String displayName) {

	static Upstream of(String organisation, FederationSettings.OrganisationProvider provider) {
		return new Upstream(organisation, require(provider.issuerUri()), require(provider.clientId()),
				provider.clientAuthentication(), provider.clientSecret(),
				(provider.displayName() != null) ? provider.displayName() : organisation.toUpperCase(Locale.ROOT));
	}

	static Upstream of(FederationSettings.Broker broker) {
		return new Upstream(FederationSettings.BROKER, require(broker.issuerUri()), require(broker.clientId()),
				broker.clientAuthentication(), broker.clientSecret(), broker.displayName());
	}

	public boolean isBroker() {
		return FederationSettings.BROKER.equals(this.registrationId);
	}

	/** The issuer as the provider's documents and tokens must name it. */
	public String issuerId() {
		return this.issuer.toString();
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new FederationSettingsInvalid("An upstream provider needs an issuer-uri and a client-id");
		}
		return value;
	}

	@Override
	public String toString() {
		return "Upstream[" + this.registrationId + "]";
	}

}
