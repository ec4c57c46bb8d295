package nl.ketenpoort.consent.purpose;

/**
 * The stable code of a purpose in the catalogue, such as
 * {@code handover-coa-municipality}: what exchanges, consents and the audit log name a
 * purpose by.
 *
 * @param value the code
 */
public record PurposeCode(String value) {

	public PurposeCode {
		if (value == null || value.isBlank()) {
			throw new PurposeCodeInvalid();
		}
	}

	public static PurposeCode of(String value) {
		return new PurposeCode(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** A purpose code must name something: it is never blank. */
	static final class PurposeCodeInvalid extends RuntimeException {

		PurposeCodeInvalid() {
			super("A purpose code is never blank");
		}

	}

}
