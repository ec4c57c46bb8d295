package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.Broker;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.ClientAuthentication;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.OrganisationProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings of upstream providers that cannot work or would weaken access control keep
 * the gateway from starting; the defaults are those of the NL GOV profile.
 */
class FederationSettingsTests {

	private static final URI ISSUER = URI.create("https://login.coa.example/realms/staff");

	@Test
	void noProvidersIsFine() {
		FederationSettings settings = settings(null, null);

		assertThat(settings.organisations()).isEmpty();
		assertThat(settings.broker()).isNull();
	}

	@Test
	void aClientSecretIsOnlyForClientSecretBasic() {
		assertThatExceptionOfType(FederationSettingsInvalid.class)
			.isThrownBy(() -> settings(
					Map.of("coa",
							provider(ClientAuthentication.PRIVATE_KEY_JWT, "s3cret", Map.of("cm", Role.CASE_MANAGER))),
					null))
			.withMessageContaining("client-secret is not used with private_key_jwt");
		assertThatExceptionOfType(FederationSettingsInvalid.class)
			.isThrownBy(() -> settings(
					Map.of("coa",
							provider(ClientAuthentication.CLIENT_SECRET_BASIC, null, Map.of("cm", Role.CASE_MANAGER))),
					null))
			.withMessageContaining("client-secret is required");
	}

	@Test
	void anOrganisationsProviderGrantsStaffRolesOnly() {
		for (Role role : List.of(Role.STATUS_HOLDER, Role.PARTNER)) {
			assertThatExceptionOfType(FederationSettingsInvalid.class)
				.isThrownBy(() -> settings(
						Map.of("coa", provider(ClientAuthentication.PRIVATE_KEY_JWT, null, Map.of("x", role))), null))
				.withMessageContaining("staff roles only");
		}
		assertThatExceptionOfType(FederationSettingsInvalid.class)
			.isThrownBy(
					() -> settings(Map.of("coa", provider(ClientAuthentication.PRIVATE_KEY_JWT, null, Map.of())), null))
			.withMessageContaining("role-mapping");
	}

	@Test
	void anOrganisationCodeIsSafeInAUrlAndIsNotTheBrokers() {
		for (String code : List.of("broker", "COA", "coa/x", "")) {
			assertThatExceptionOfType(FederationSettingsInvalid.class).isThrownBy(() -> settings(
					Map.of(code, provider(ClientAuthentication.PRIVATE_KEY_JWT, null, Map.of("cm", Role.CASE_MANAGER))),
					null));
		}
	}

	@Test
	void aProviderNeedsAnAbsoluteIssuerAndAClientId() {
		assertThatExceptionOfType(FederationSettingsInvalid.class)
			.isThrownBy(() -> settings(Map.of("coa", new OrganisationProvider(URI.create("/relative"), "client",
					ClientAuthentication.PRIVATE_KEY_JWT, null, "roles", Map.of("cm", Role.CASE_MANAGER), null, null)),
					null));
		assertThatExceptionOfType(FederationSettingsInvalid.class)
			.isThrownBy(() -> settings(null, new Broker(ISSUER, " ", ClientAuthentication.PRIVATE_KEY_JWT, null,
					List.of("http://eidas.europa.eu/LoA/high"), "bsn", "represents.sub", "DigiD")));
		assertThatExceptionOfType(FederationSettingsInvalid.class).isThrownBy(() -> settings(null, new Broker(ISSUER,
				"client", ClientAuthentication.PRIVATE_KEY_JWT, null, List.of(), "bsn", "represents.sub", "DigiD")));
	}

	@Test
	void theRepresentsClaimIsAPathOfClaimNames() {
		for (String path : List.of("", "represents.", ".sub", "represents sub", "represents..sub")) {
			assertThatExceptionOfType(FederationSettingsInvalid.class)
				.isThrownBy(() -> settings(null,
						new Broker(ISSUER, "client", ClientAuthentication.PRIVATE_KEY_JWT, null,
								List.of("http://eidas.europa.eu/LoA/high"), "bsn", path, "DigiD")))
				.withMessageContaining("represents-claim");
		}
		assertThat(settings(null,
				new Broker(ISSUER, "client", ClientAuthentication.PRIVATE_KEY_JWT, null,
						List.of("http://eidas.europa.eu/LoA/high"), "bsn", "act.represented_bsn", "DigiD"))
			.broker()
			.representsClaim()).isEqualTo("act.represented_bsn");
	}

	private static FederationSettings settings(Map<String, OrganisationProvider> organisations, Broker broker) {
		return new FederationSettings(null, organisations, broker, java.time.Duration.ofSeconds(5));
	}

	private static OrganisationProvider provider(ClientAuthentication authentication, String secret,
			Map<String, Role> roles) {
		return new OrganisationProvider(ISSUER, "ketenpoort", authentication, secret, "roles", roles, null, null);
	}

}
