package nl.ketenpoort.gateway.identity.internal.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.ClientAuthentication;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings.OrganisationProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles claim is a string or a list of strings; only values the mapping lists give a
 * role.
 */
class StaffLoginsTests {

	private static final OrganisationProvider COA = new OrganisationProvider(URI.create("https://login.coa.example"),
			"ketenpoort", ClientAuthentication.PRIVATE_KEY_JWT, null, "roles",
			Map.of("coa-casemanager", Role.CASE_MANAGER, "coa-privacy", Role.PRIVACY_OFFICER), null, null);

	@Test
	void aListOfValuesGivesTheRolesItMapsTo() {
		assertThat(StaffLogins.roles(COA, List.of("coa-casemanager", "coa-privacy", "canteen")))
			.containsExactlyInAnyOrder(Role.CASE_MANAGER, Role.PRIVACY_OFFICER);
	}

	@Test
	void oneValueAsAStringGivesItsRole() {
		assertThat(StaffLogins.roles(COA, "coa-privacy")).containsExactly(Role.PRIVACY_OFFICER);
	}

	@Test
	void valuesTheMappingDoesNotListAndClaimsOfAnotherShapeGiveNothing() {
		assertThat(StaffLogins.roles(COA, List.of("CASE_MANAGER", "Coa-Casemanager", 7))).isEmpty();
		assertThat(StaffLogins.roles(COA, Map.of("coa-casemanager", true))).isEmpty();
		assertThat(StaffLogins.roles(COA, null)).isEmpty();
	}

}
