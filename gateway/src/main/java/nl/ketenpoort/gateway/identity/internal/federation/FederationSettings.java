package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.ketenpoort.gateway.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The upstream OpenID providers people sign in at. Bound from {@code ketenpoort.identity}
 * like the authorization server's own settings, which it leaves to their record.
 *
 * @param issuer Ketenpoort's own public address, when configured: the redirect URIs at
 * the providers are made from it; otherwise from each request
 * @param organisations one provider per organisation, keyed by organisation code (such as
 * {@code coa}), where its staff sign in
 * @param broker the DigiD broker where status holders sign in, if any
 * @param providerTimeout how long a call to a provider (discovery, token endpoint, keys)
 * may take to connect and to answer
 */
@ConfigurationProperties("ketenpoort.identity")
public record FederationSettings(@Nullable URI issuer, @Nullable Map<String, OrganisationProvider> organisations,
		@Nullable Broker broker, @DefaultValue("5s") Duration providerTimeout) {

	/** The registration id of the broker, in its URLs. */
	public static final String BROKER = "broker";

	/** Claim names joined by dots: a path into the ID token's claims. */
	private static final Pattern CLAIM_PATH = Pattern.compile("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*");

	/** What an organisation's code may look like; it appears in URLs. */
	private static final Pattern ORGANISATION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	/** The roles a staff provider may grant: never a status holder's or a partner's. */
	static final Set<Role> STAFF_ROLES = EnumSet.complementOf(EnumSet.of(Role.STATUS_HOLDER, Role.PARTNER));

	public FederationSettings {
		organisations = (organisations != null) ? Map.copyOf(organisations) : Map.of();
		organisations.forEach((code, provider) -> {
			if (!ORGANISATION_CODE.matcher(code).matches() || BROKER.equals(code)) {
				throw new FederationSettingsInvalid("ketenpoort.identity.organisations." + code
						+ ": an organisation code is lower-case letters, digits and '-', and not 'broker'");
			}
			provider.check("ketenpoort.identity.organisations." + code);
		});
		if (broker != null) {
			broker.check();
		}
	}

	/** How Ketenpoort authenticates itself at a provider's token endpoint. */
	public enum ClientAuthentication {

		/**
		 * A client assertion signed with Ketenpoort's own key (RFC 7523), whose public
		 * key is at {@code /oauth2/client-jwks}.
		 */
		PRIVATE_KEY_JWT,

		/**
		 * A client secret in the {@code Authorization} header, only for a provider that
		 * cannot do better.
		 */
		CLIENT_SECRET_BASIC

	}

	/**
	 * The OpenID provider of one organisation, where its staff sign in.
	 *
	 * @param issuerUri the provider's issuer; its discovery document is read from
	 * {@code <issuer>/.well-known/openid-configuration} at the first sign-in
	 * @param clientId Ketenpoort's client id at the provider
	 * @param clientAuthentication how Ketenpoort authenticates at the token endpoint
	 * @param clientSecret the secret, for {@code client_secret_basic} only
	 * @param rolesClaim the ID token claim with the person's roles (a string or a list of
	 * strings)
	 * @param roleMapping claim value to Ketenpoort role; values not listed grant nothing
	 * @param organisationClaim an ID token claim naming the person's organisation, if the
	 * provider sends one: it must name this organisation
	 * @param displayName the organisation's name on the login page
	 */
	public record OrganisationProvider(@Nullable URI issuerUri, @Nullable String clientId,
			@DefaultValue("private_key_jwt") ClientAuthentication clientAuthentication, @Nullable String clientSecret,
			@DefaultValue("roles") String rolesClaim, @Nullable Map<String, Role> roleMapping,
			@Nullable String organisationClaim, @Nullable String displayName) {

		public OrganisationProvider {
			roleMapping = (roleMapping != null) ? Map.copyOf(roleMapping) : Map.of();
		}

		void check(String prefix) {
			checkClient(prefix, this.issuerUri, this.clientId, this.clientAuthentication, this.clientSecret);
			if (this.roleMapping.isEmpty()) {
				throw new FederationSettingsInvalid(
						prefix + ".role-mapping must map at least one claim value to a role");
			}
			this.roleMapping.forEach((value, role) -> {
				if (!STAFF_ROLES.contains(role)) {
					throw new FederationSettingsInvalid(prefix + ".role-mapping: an organisation's provider grants "
							+ "staff roles only, not " + role);
				}
			});
		}

	}

	/**
	 * The DigiD-capable broker (NL GOV OpenID Connect profile) where status holders sign
	 * in.
	 *
	 * @param issuerUri the broker's issuer
	 * @param clientId Ketenpoort's client id at the broker
	 * @param clientAuthentication how Ketenpoort authenticates at the token endpoint
	 * @param clientSecret the secret, for {@code client_secret_basic} only
	 * @param acrValues the levels of assurance accepted in the ID token's {@code acr},
	 * and asked for with {@code acr_values}
	 * @param bsnClaim the ID token claim with the BSN
	 * @param representsClaim where the ID token names the BSN of the person the one who
	 * signs in represents (OIDC NL GOV {@code represents}): claim names joined by dots,
	 * the first the claim whose presence makes the sign-in a representative's
	 * @param displayName the name on the login page's button
	 */
	public record Broker(@Nullable URI issuerUri, @Nullable String clientId,
			@DefaultValue("private_key_jwt") ClientAuthentication clientAuthentication, @Nullable String clientSecret,
			@DefaultValue( {
					"http://eidas.europa.eu/LoA/substantial",
					"http://eidas.europa.eu/LoA/high" }) List<String> acrValues,
			@DefaultValue("bsn") String bsnClaim, @DefaultValue("represents.sub") String representsClaim,
			@DefaultValue("DigiD") String displayName){

		public Broker {
			acrValues = List.copyOf(acrValues);
		}

		void check() {
			String prefix = "ketenpoort.identity.broker";
			checkClient(prefix, this.issuerUri, this.clientId, this.clientAuthentication, this.clientSecret);
			if (this.acrValues.isEmpty()) {
				throw new FederationSettingsInvalid(prefix + ".acr-values must name at least one level of assurance");
			}
			if (!CLAIM_PATH.matcher(this.representsClaim).matches()) {
				throw new FederationSettingsInvalid(
						prefix + ".represents-claim must be claim names joined by dots, such as represents.sub");
			}
		}

	}

	private static void checkClient(String prefix, @Nullable URI issuerUri, @Nullable String clientId,
			ClientAuthentication authentication, @Nullable String clientSecret) {
		if (issuerUri == null || !issuerUri.isAbsolute() || issuerUri.getQuery() != null
				|| issuerUri.getFragment() != null) {
			throw new FederationSettingsInvalid(prefix + ".issuer-uri must be an absolute URL without query");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new FederationSettingsInvalid(prefix + ".client-id is required");
		}
		boolean secret = clientSecret != null && !clientSecret.isBlank();
		if (authentication == ClientAuthentication.CLIENT_SECRET_BASIC && !secret) {
			throw new FederationSettingsInvalid(prefix + ".client-secret is required for client_secret_basic");
		}
		if (authentication == ClientAuthentication.PRIVATE_KEY_JWT && secret) {
			throw new FederationSettingsInvalid(prefix + ".client-secret is not used with private_key_jwt: leave it "
					+ "out, so that no secret lies around unused");
		}
	}

}
