package nl.ketenpoort.consent.subject;

import java.util.regex.Pattern;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * A citizen service number (BSN), normalised to nine digits that pass the 11-test, the
 * same test the schemas' {@code bsn} format applies to documents.
 *
 * @param digits the nine digits
 */
public record Bsn(String digits) implements SubjectIdentifier {

	private static final Pattern ACCEPTED = Pattern.compile("[0-9]{8,9}");

	public Bsn {
		if (!nl.ketenpoort.schemas.validation.Bsn.isValid(digits)) {
			throw new IdentifierInvalid(IdentifierKind.BSN, IdentifierInvalid.Reason.CHECK_FAILED);
		}
	}

	/**
	 * Parses a BSN as people write it: separators are ignored and an eight-digit BSN (its
	 * leading zero dropped) is padded.
	 * @param value the BSN as received
	 * @return the BSN
	 * @throws IdentifierInvalid when it is not eight or nine digits, or fails the 11-test
	 */
	public static Bsn parse(String value) {
		if (value.length() > 32) {
			throw new IdentifierInvalid(IdentifierKind.BSN, IdentifierInvalid.Reason.MALFORMED);
		}
		String digits = SubjectIdentifier.withoutSeparators(value);
		if (!ACCEPTED.matcher(digits).matches()) {
			throw new IdentifierInvalid(IdentifierKind.BSN, IdentifierInvalid.Reason.MALFORMED);
		}
		return new Bsn((digits.length() == 8) ? "0" + digits : digits);
	}

	@Override
	public IdentifierKind kind() {
		return IdentifierKind.BSN;
	}

	@Override
	public String normalised() {
		return this.digits;
	}

	@Override
	public String toString() {
		return "Bsn[redacted]";
	}

}
