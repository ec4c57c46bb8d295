package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.List;
import java.util.Map;

import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The represented person's BSN is read from the configured claim path: absent claim means
 * nobody is represented; a present claim that names no valid BSN refuses the sign-in.
 */
class RepresentsClaimTests {

	private static final String BSN = "999999990";

	@Test
	void theDefaultPathReadsTheSubOfTheRepresentsObject() {
		// given
		RepresentsClaim claim = new RepresentsClaim("represents.sub");

		// when
		var represented = claim.represented(Map.of("bsn", "111222333", "represents",
				Map.of("sub", "9999.99.990", "sub_id_type", "urn:nl-eid-gdi:1.0:id:BSN")));

		// then
		assertThat(represented).contains(Bsn.parse(BSN));
	}

	@Test
	void aTokenWithoutTheClaimRepresentsNobody() {
		assertThat(new RepresentsClaim("represents.sub").represented(Map.of("bsn", BSN))).isEmpty();
	}

	@Test
	void anotherPathCanBeConfigured() {
		// given
		RepresentsClaim claim = new RepresentsClaim("act.represented.bsn");

		// when
		var represented = claim.represented(Map.of("act", Map.of("represented", Map.of("bsn", BSN))));

		// then
		assertThat(represented).contains(Bsn.parse(BSN));
		assertThat(new RepresentsClaim("represented_bsn").represented(Map.of("represented_bsn", BSN)))
			.contains(Bsn.parse(BSN));
	}

	@Test
	void aClaimThatNamesNoValidBsnRefusesTheSignIn() {
		RepresentsClaim claim = new RepresentsClaim("represents.sub");
		for (Object represents : List.of(Map.of("sub", "123456789"), Map.of("sub", 999999990), Map.of(), BSN,
				List.of(Map.of("sub", BSN)), Map.of("sub", "x".repeat(100)))) {
			assertThatExceptionOfType(FederatedLoginRefused.class).as("%s", represents)
				.isThrownBy(() -> claim.represented(Map.of("represents", represents)))
				.satisfies((refused) -> assertThat(refused.refusal()).isEqualTo(RefusalReason.REPRESENTS_INVALID));
		}
	}

}
