package nl.ketenpoort.gateway.mandate;

import org.jspecify.annotations.Nullable;

/**
 * A mandate as a case manager submits it (API body or console form). Every member may be
 * absent or malformed; {@link MandateRegister} checks them all before any is used. The
 * representative is named by account or by BSN, the represented status holder by V-number
 * or BSN; the date of birth of a minor under guardianship is used to cap the end at 18
 * and then forgotten.
 *
 * @param representative the representative's account (user id)
 * @param representativeBsn instead of the account: the BSN the representative signs in
 * with through the DigiD broker, resolved to (or made into) that sign-in's account and
 * never stored
 * @param vNumber the represented status holder's V-number
 * @param bsn the represented status holder's BSN
 * @param kind {@code NIDOS_GUARDIANSHIP} or {@code WRITTEN_MANDATE}
 * @param evidenceReference the holding organisation's own reference to the evidence
 * @param validUntil the last day the mandate holds, {@code yyyy-MM-dd}
 * @param birthDate for a guardianship: the minor's date of birth, {@code yyyy-MM-dd} or
 * {@code yyyy-MM}
 */
public record MandateForm(@Nullable String representative, @Nullable String representativeBsn, @Nullable String vNumber,
		@Nullable String bsn, @Nullable String kind, @Nullable String evidenceReference, @Nullable String validUntil,
		@Nullable String birthDate) {

	@Override
	public String toString() {
		// The form holds identifiers and a date of birth: never in a log line.
		return "MandateForm[" + this.kind + "]";
	}

}
