package nl.ketenpoort.consent.subject;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * One personal identifier of a status holder, parsed and normalised once at the edge; its
 * {@code toString()} never shows the value.
 */
public sealed interface SubjectIdentifier permits VNumber, Bsn {

	/** Which kind of identifier this is. */
	IdentifierKind kind();

	/** The normalised value: what is keyed-hashed into the pseudonym and compared. */
	String normalised();

	/**
	 * Parses an identifier of the given kind.
	 * @param kind the kind
	 * @param value the value as received
	 * @return the identifier
	 * @throws IdentifierInvalid when the value is malformed
	 */
	static SubjectIdentifier parse(IdentifierKind kind, String value) {
		return switch (kind) {
			case V_NUMBER -> VNumber.parse(value);
			case BSN -> Bsn.parse(value);
		};
	}

	/** Strips the separators people type between digit groups. */
	static String withoutSeparators(String value) {
		return value.replaceAll("[\\s.\\-]", "");
	}

}
