package nl.ketenpoort.gateway.mandate.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.mandate.MandateKind;
import nl.ketenpoort.gateway.mandate.MandateRefused;

/**
 * When a mandate ends, from the last day the case manager gives and, for a guardianship,
 * the represented minor's date of birth: a Nidos guardianship ends at 18 by law, so its
 * end is capped at the 18th birthday. The date of birth is used here and then forgotten;
 * only the end is stored. Days are those of the Netherlands.
 *
 * @param endsAt the first moment the mandate no longer holds
 * @param endsAtEighteen whether the 18th birthday set the end
 */
public record MandateTerm(Instant endsAt, boolean endsAtEighteen) {

	public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	/** How far ahead a written mandate may be recorded at most; renew it after. */
	static final Period LONGEST_WRITTEN_MANDATE = Period.ofYears(5);

	private static final int AGE_OF_MAJORITY = 18;

	/**
	 * The term of a mandate recorded now.
	 * @param kind the ground
	 * @param validUntil the last day it holds ({@code yyyy-MM-dd}); required for a
	 * written mandate, optional for a guardianship (which then ends at 18)
	 * @param birthDate the minor's date of birth ({@code yyyy-MM-dd}, or {@code yyyy-MM}
	 * when only the month is known); required for a guardianship, ignored otherwise
	 * @param now the moment of recording
	 * @return the term
	 * @throws MandateRefused when a date is missing, malformed or out of range
	 */
	public static MandateTerm of(MandateKind kind, @Nullable String validUntil, @Nullable String birthDate,
			Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		Instant requested = null;
		if (validUntil != null && !validUntil.isBlank()) {
			LocalDate lastDay = date(validUntil);
			if (lastDay.isBefore(today)) {
				throw MandateRefused.invalid("VALID_UNTIL_PASSED", "'validUntil' lies in the past.");
			}
			if (lastDay.isAfter(today.plus(LONGEST_WRITTEN_MANDATE))) {
				throw MandateRefused.invalid("VALIDITY_TOO_LONG",
						"A mandate may be recorded for at most five years; record a new one after.");
			}
			requested = startOf(lastDay.plusDays(1));
		}
		if (kind == MandateKind.WRITTEN_MANDATE) {
			if (requested == null) {
				throw MandateRefused.invalid("VALID_UNTIL_MISSING", "A written mandate needs 'validUntil'.");
			}
			return new MandateTerm(requested, false);
		}
		if (birthDate == null || birthDate.isBlank()) {
			throw MandateRefused.invalid("BIRTH_DATE_MISSING",
					"A guardianship needs 'birthDate' (yyyy-MM-dd or yyyy-MM): it ends at 18.");
		}
		LocalDate born = earliestBirthDay(birthDate);
		if (born.isAfter(today)) {
			throw MandateRefused.invalid("BIRTH_DATE_INVALID", "'birthDate' lies in the future.");
		}
		Instant eighteen = startOf(born.plusYears(AGE_OF_MAJORITY));
		if (!eighteen.isAfter(now)) {
			throw MandateRefused.invalid("ALREADY_ADULT", "A guardianship ends at 18: this person is an adult.");
		}
		if (requested != null && requested.isBefore(eighteen)) {
			return new MandateTerm(requested, false);
		}
		return new MandateTerm(eighteen, true);
	}

	/**
	 * The earliest day the person can have been born on: with only the month known, its
	 * first day, so that the guardianship never outlasts the real 18th birthday.
	 */
	private static LocalDate earliestBirthDay(String value) {
		if (value.length() == 7) {
			try {
				return YearMonth.parse(value).atDay(1);
			}
			catch (DateTimeParseException ex) {
				throw MandateRefused.invalid("BIRTH_DATE_INVALID", "'birthDate' must be yyyy-MM-dd or yyyy-MM.");
			}
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw MandateRefused.invalid("BIRTH_DATE_INVALID", "'birthDate' must be yyyy-MM-dd or yyyy-MM.");
		}
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw MandateRefused.invalid("VALID_UNTIL_INVALID", "'validUntil' must be a date, yyyy-MM-dd.");
		}
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/** The last day a mandate that ends at this moment holds, in the Netherlands. */
	static LocalDate lastDay(Instant endsAt) {
		return LocalDate.ofInstant(endsAt.minusNanos(1), ZONE);
	}

}
