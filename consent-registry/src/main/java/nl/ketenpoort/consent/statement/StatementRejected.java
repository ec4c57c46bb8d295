package nl.ketenpoort.consent.statement;

/**
 * A consent statement did not verify; {@link #problem()} says why.
 */
public class StatementRejected extends Exception {

	private final Problem problem;

	StatementRejected(Problem problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

	/** Why a statement was rejected. */
	public enum Problem {

		/**
		 * Not a compact JWS, an algorithm other than ES256 (including {@code none}), a
		 * bad signature, or missing or ill-typed claims.
		 */
		SIGNATURE_INVALID,

		/** Signed with a key id the registry never issued. */
		KEY_UNKNOWN,

		/** Outside its {@code nbf}..{@code exp} window. */
		EXPIRED

	}

}
