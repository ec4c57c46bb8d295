package nl.ketenpoort.consent;

/**
 * Why the consent check refused an exchange; exactly one per refusal, in the order of
 * precedence described on {@link ConsentChecks#check}.
 */
public enum DenialReason {

	/** The subject has no consent in force that relates to this exchange at all. */
	NO_CONSENT,

	/** The consent that covered this exchange was revoked. */
	REVOKED,

	/** The consent that covered this exchange has reached its end of validity. */
	EXPIRED,

	/**
	 * A consent in force names this sender and recipient, but for another purpose (or for
	 * an earlier version of this purpose).
	 */
	PURPOSE_MISMATCH,

	/**
	 * A consent in force names this purpose, but not this sender together with this
	 * recipient.
	 */
	PARTY_MISMATCH,

	/**
	 * A consent in force names this purpose, sender and recipient, but not this document
	 * type.
	 */
	DOCUMENT_NOT_COVERED,

	/**
	 * The statement is not a valid ES256 JWS, its signature does not verify, or its
	 * claims differ from the stored consent (the row was edited).
	 */
	SIGNATURE_INVALID,

	/** The statement names a signing key the registry never issued. */
	KEY_UNKNOWN

}
