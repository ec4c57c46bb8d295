package nl.ketenpoort.consent.subject;

import java.util.regex.Pattern;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * A vreemdelingennummer (V-number) issued by COA/IND, normalised to ten digits.
 *
 * @param digits the ten digits
 */
public record VNumber(String digits) implements SubjectIdentifier {

	private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

	private static final Pattern ACCEPTED = Pattern.compile("[0-9]{6,10}");

	public VNumber {
		if (!TEN_DIGITS.matcher(digits).matches()) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, IdentifierInvalid.Reason.MALFORMED);
		}
	}

	/**
	 * Parses a V-number as people write it: separators and a leading {@code V} are
	 * ignored, six to ten digits are left-padded with zeros (the normalisation that every
	 * stored pseudonym was made with; changing it would orphan them).
	 * @param value the V-number as received
	 * @return the V-number
	 * @throws IdentifierInvalid when it is not six to ten digits
	 */
	public static VNumber parse(String value) {
		if (value.length() > 32) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, IdentifierInvalid.Reason.MALFORMED);
		}
		String digits = SubjectIdentifier.withoutSeparators(value);
		if (digits.startsWith("V") || digits.startsWith("v")) {
			digits = digits.substring(1);
		}
		if (!ACCEPTED.matcher(digits).matches()) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, IdentifierInvalid.Reason.MALFORMED);
		}
		return new VNumber("0".repeat(10 - digits.length()) + digits);
	}

	@Override
	public IdentifierKind kind() {
		return IdentifierKind.V_NUMBER;
	}

	@Override
	public String normalised() {
		return this.digits;
	}

	@Override
	public String toString() {
		return "VNumber[redacted]";
	}

}
