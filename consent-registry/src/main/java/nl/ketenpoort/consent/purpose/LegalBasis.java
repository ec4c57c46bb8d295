package nl.ketenpoort.consent.purpose;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GDPR ground a purpose relies on; all purposes rest on the status holder's consent.
 */
public enum LegalBasis {

	/** Consent, GDPR Art. 6(1)(a). */
	CONSENT("gdpr-6-1-a"),

	/**
	 * Explicit consent, GDPR Art. 9(2)(a) on top of Art. 6(1)(a): required when
	 * special-category data (health, wellbeing) is included.
	 */
	EXPLICIT_CONSENT("gdpr-9-2-a");

	private final String code;

	LegalBasis(String code) {
		this.code = code;
	}

	/**
	 * The stable code used in the catalogue, the statement's {@code basis} claim and the
	 * audit log.
	 */
	public String code() {
		return this.code;
	}

	public static Optional<LegalBasis> fromCode(String code) {
		return Arrays.stream(values()).filter((basis) -> basis.code.equals(code)).findFirst();
	}

}
