package nl.ketenpoort.gateway.mandate.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;

import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.mandate.Mandate;
import nl.ketenpoort.gateway.mandate.MandateKind;
import nl.ketenpoort.gateway.mandate.MandateRefused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MandateTermTests {

	/** Noon in Amsterdam on 10 March 2026. */
	private static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 12, 0, 0, 0, MandateTerm.ZONE).toInstant();

	@Test
	void aGuardianshipEndsAtTheStartOfTheEighteenthBirthday() {
		// when
		MandateTerm term = MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, null, "2010-05-17", NOW);

		// then
		assertThat(term.endsAt()).isEqualTo(startOf(LocalDate.of(2028, 5, 17)));
		assertThat(term.endsAtEighteen()).isTrue();
		assertThat(MandateTerm.lastDay(term.endsAt())).isEqualTo(LocalDate.of(2028, 5, 16));
	}

	@Test
	void aLaterValidUntilIsCappedAtEighteenAndAnEarlierOneKept() {
		// when
		MandateTerm capped = MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, "2030-12-31", "2010-05-17", NOW);
		MandateTerm earlier = MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, "2027-01-31", "2010-05-17", NOW);

		// then
		assertThat(capped.endsAt()).isEqualTo(startOf(LocalDate.of(2028, 5, 17)));
		assertThat(earlier.endsAt()).isEqualTo(startOf(LocalDate.of(2027, 2, 1)));
		assertThat(earlier.endsAtEighteen()).isFalse();
	}

	@Test
	void withOnlyTheMonthOfBirthTheGuardianshipEndsOnItsFirstDay() {
		MandateTerm term = MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, null, "2010-05", NOW);

		assertThat(term.endsAt()).isEqualTo(startOf(LocalDate.of(2028, 5, 1)));
	}

	@Test
	void aGuardianshipOfSomeoneWhoIsEighteenAlreadyIsRefused() {
		// Eighteen today: the guardianship ended at midnight.
		assertThatExceptionOfType(MandateRefused.class)
			.isThrownBy(() -> MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, null, "2008-03-10", NOW))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo("ALREADY_ADULT"));
		// The month known only: anyone born in March 2008 may be eighteen now.
		assertThatExceptionOfType(MandateRefused.class)
			.isThrownBy(() -> MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, null, "2008-03", NOW))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo("ALREADY_ADULT"));
		// Eighteen tomorrow: one more day.
		assertThat(MandateTerm.of(MandateKind.NIDOS_GUARDIANSHIP, null, "2008-03-11", NOW).endsAt())
			.isEqualTo(startOf(LocalDate.of(2026, 3, 11)));
	}

	@Test
	void aGuardianshipNeedsAValidDateOfBirth() {
		assertRefused(MandateKind.NIDOS_GUARDIANSHIP, null, null, "BIRTH_DATE_MISSING");
		assertRefused(MandateKind.NIDOS_GUARDIANSHIP, null, "17-05-2010", "BIRTH_DATE_INVALID");
		assertRefused(MandateKind.NIDOS_GUARDIANSHIP, null, "2010-13", "BIRTH_DATE_INVALID");
		assertRefused(MandateKind.NIDOS_GUARDIANSHIP, null, "2027-01-01", "BIRTH_DATE_INVALID");
	}

	@Test
	void aWrittenMandateNeedsAnEndTodayOrLaterAndAtMostFiveYearsAhead() {
		assertRefused(MandateKind.WRITTEN_MANDATE, null, null, "VALID_UNTIL_MISSING");
		assertRefused(MandateKind.WRITTEN_MANDATE, "next year", null, "VALID_UNTIL_INVALID");
		assertRefused(MandateKind.WRITTEN_MANDATE, "2026-03-09", null, "VALID_UNTIL_PASSED");
		assertRefused(MandateKind.WRITTEN_MANDATE, "2031-03-11", null, "VALIDITY_TOO_LONG");
		assertThat(MandateTerm.of(MandateKind.WRITTEN_MANDATE, "2026-03-10", "2010-05-17", NOW))
			.isEqualTo(new MandateTerm(startOf(LocalDate.of(2026, 3, 11)), false));
		assertThat(MandateTerm.of(MandateKind.WRITTEN_MANDATE, "2031-03-10", null, NOW).endsAt())
			.isEqualTo(startOf(LocalDate.of(2031, 3, 11)));
	}

	@Test
	void aMandateHoldsUntilItEndsOrIsRevoked() {
		// given
		Instant ends = NOW.plusSeconds(3600);
		Mandate mandate = mandate(ends, null);
		Mandate revoked = mandate(ends, NOW.plusSeconds(60));

		// then
		assertThat(mandate.statusAt(NOW)).isEqualTo(Mandate.Status.ACTIVE);
		assertThat(mandate.statusAt(ends)).isEqualTo(Mandate.Status.EXPIRED);
		assertThat(revoked.statusAt(NOW)).isEqualTo(Mandate.Status.ACTIVE);
		assertThat(revoked.statusAt(NOW.plusSeconds(60))).isEqualTo(Mandate.Status.REVOKED);
		assertThat(revoked.endedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(mandate.toString()).doesNotContain("evidence-1", "vnr_");
	}

	private static Mandate mandate(Instant endsAt, Instant revokedAt) {
		UUID someone = UUID.randomUUID();
		return new Mandate(UUID.randomUUID(), someone, new SubjectRef("vnr_" + "A".repeat(43)),
				MandateKind.WRITTEN_MANDATE, "evidence-1", endsAt, false, "coa", someone, NOW.minusSeconds(60),
				revokedAt, (revokedAt != null) ? someone : null);
	}

	private static void assertRefused(MandateKind kind, String validUntil, String birthDate, String reason) {
		assertThatExceptionOfType(MandateRefused.class)
			.isThrownBy(() -> MandateTerm.of(kind, validUntil, birthDate, NOW))
			.satisfies((refused) -> assertThat(refused.reason()).as("%s %s", validUntil, birthDate).isEqualTo(reason));
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(MandateTerm.ZONE).toInstant();
	}

}
