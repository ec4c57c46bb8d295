package nl.ketenpoort.schemas.problem;

/**
 * What kind of failure a {@link FailureCode} is, which is all a caller needs to choose
 * its answer (the gateway maps each kind to one HTTP status).
 */
public enum ProblemKind {

	/**
	 * The input fails validation: a member missing or of the wrong form, an identifier
	 * that is malformed, a code that names nothing (answered 400, API Design Rules
	 * {@code /core/error-handling/invalid-input}).
	 */
	MALFORMED,

	/** The input is well-formed but names or holds something that cannot be used. */
	INVALID,

	/** The caller may not do this. */
	FORBIDDEN,

	/** What the input names does not exist. */
	NOT_FOUND,

	/** The input conflicts with the current state. */
	CONFLICT,

	/** Something the library needs cannot be used now; the same input may work later. */
	UNAVAILABLE

}
