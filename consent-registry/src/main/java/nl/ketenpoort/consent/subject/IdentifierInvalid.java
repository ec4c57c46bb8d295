package nl.ketenpoort.consent.subject;

import nl.ketenpoort.schemas.IdentifierKind;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * A V-number or BSN is malformed, or none was given; the message never repeats the value,
 * and {@link #code()} is a bounded reason code fit for the audit log.
 */
public class IdentifierInvalid extends RuntimeException implements CodedFailure {

	/** What is wrong with the identifier. */
	public enum Reason {

		/** Neither a V-number nor a BSN was given. */
		MISSING,

		/** Not the digits the kind of identifier has. */
		MALFORMED,

		/** Nine digits that fail the 11-test. */
		CHECK_FAILED

	}

	private final IdentifierKind kind;

	private final Reason reason;

	IdentifierInvalid(IdentifierKind kind, Reason reason) {
		super("Invalid " + kind + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
		this.kind = kind;
		this.reason = reason;
	}

	public IdentifierKind kind() {
		return this.kind;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * The reason code for the audit log and the problem document, such as
	 * {@code V_NUMBER_MALFORMED}, {@code BSN_CHECK_FAILED} or {@code SUBJECT_MISSING}.
	 */
	public String code() {
		if (this.reason == Reason.MISSING) {
			return "SUBJECT_MISSING";
		}
		return this.kind.name() + "_" + this.reason.name();
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.INVALID_SUBJECT;
	}

	@Override
	public String failureReason() {
		return code();
	}

}
