package nl.ketenpoort.gateway.audit.internal;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.audit.AuditRetention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A gateway that prunes on its own never does so by a period shorter than the minimum.
 */
class AuditRetentionMinimumTests {

	@Test
	void aPeriodShorterThanTheMinimumStopsTheGatewayThatWouldPruneByIt() {
		AuditRetention typo = new AuditRetention(Period.ZERO, Map.of("handover-notice", Period.ofMonths(6)),
				Duration.ofHours(24), Period.ofYears(1));

		assertThat(typo.shorterThanMinimum()).containsExactly("default=P0D", "handover-notice=P6M");
		assertThatIllegalStateException().isThrownBy(() -> new AuditRetentionMinimum(typo))
			.withMessageContaining("default=P0D")
			.withMessageContaining("ketenpoort.audit.retention.minimum (P1Y)");
	}

	@Test
	void periodsAtTheMinimumOrWithoutOwnPruningStart() {
		assertThatNoException().isThrownBy(() -> new AuditRetentionMinimum(
				new AuditRetention(Period.ofYears(1), Map.of(), Duration.ofHours(24), Period.ofYears(1))));
		assertThatNoException().isThrownBy(() -> new AuditRetentionMinimum(
				new AuditRetention(Period.ZERO, Map.of(), Duration.ZERO, Period.ofYears(1))));
	}

}
