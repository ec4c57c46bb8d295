package nl.ketenpoort.consent.subject;

/**
 * A V-number or BSN is malformed; the message never repeats the value.
 */
public class IdentifierInvalid extends RuntimeException {

	private final IdentifierKind kind;

	IdentifierInvalid(IdentifierKind kind, String problem) {
		super("Invalid " + kind + ": " + problem);
		this.kind = kind;
	}

	public IdentifierKind kind() {
		return this.kind;
	}

}
