package nl.ketenpoort.gateway.audit;

/**
 * The kinds of tampering the chain verification tells apart.
 */
public enum ChainBreak {

	/** A row's content no longer matches its hash (or a checkpoint's signed head). */
	MODIFIED,

	/**
	 * A row is missing: a gap in positions, a predecessor nowhere to be found, or a
	 * truncated end.
	 */
	DELETED,

	/** A row was added that the chain does not link. */
	INSERTED,

	/** A row stands at another place than where it was appended. */
	REORDERED

}
