package nl.ketenpoort.consent.subject;

/**
 * The kinds of personal identifier a subject can be known by.
 */
public enum IdentifierKind {

	/** Vreemdelingennummer, issued by COA/IND: ten digits. */
	V_NUMBER("vnr"),

	/**
	 * Citizen service number, after registration with the municipality: nine digits,
	 * 11-test.
	 */
	BSN("bsn");

	private final String prefix;

	IdentifierKind(String prefix) {
		this.prefix = prefix;
	}

	String prefix() {
		return this.prefix;
	}

}
