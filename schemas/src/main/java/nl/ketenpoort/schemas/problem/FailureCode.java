package nl.ketenpoort.schemas.problem;

/**
 * The stable codes of failures raised by the libraries (schemas, consent registry,
 * adapters); each has a section in {@code docs/problems.md}, and a gateway problem code
 * of the same name answers with the same status.
 */
public enum FailureCode {

	INVALID_SUBJECT(ProblemKind.MALFORMED, "Invalid subject identifier",
			"A V-number has six to ten digits, a BSN nine that pass the 11-test."),

	UNKNOWN_PURPOSE(ProblemKind.MALFORMED, "Unknown purpose", "No purpose with this code."),

	UNKNOWN_DOCUMENT_TYPE(ProblemKind.MALFORMED, "Unknown document type", "No document type with this code."),

	UNPROCESSABLE(ProblemKind.INVALID, "Unprocessable request", "The request cannot be processed."),

	CONSENT_OVERLAPS(ProblemKind.CONFLICT, "Overlaps an active consent",
			"An active consent covers some of these recipients and document types."),

	NOT_FOUND(ProblemKind.NOT_FOUND, "Not found", "Not found."),

	CONFLICT(ProblemKind.CONFLICT, "Conflict", "The request conflicts with the current state."),

	NATIVE_DOCUMENT_INVALID(ProblemKind.INVALID, "Invalid partner document",
			"The document does not have the partner's native format."),

	DOCUMENT_NOT_MAPPABLE(ProblemKind.INVALID, "Document not mappable",
			"The document has no form in the partner's native format."),

	DELIVERY_INVALID(ProblemKind.INVALID, "Invalid delivery", "A component of the delivery is missing or malformed."),

	NO_ADAPTER(ProblemKind.UNAVAILABLE, "No adapter", "No adapter is configured for this partner.");

	private final ProblemKind kind;

	private final String title;

	private final String detail;

	FailureCode(ProblemKind kind, String title, String detail) {
		this.kind = kind;
		this.title = title;
		this.detail = detail;
	}

	public ProblemKind kind() {
		return this.kind;
	}

	/** A short title for people. */
	public String title() {
		return this.title;
	}

	/** A detail for when the failure says nothing more specific; never quotes input. */
	public String detail() {
		return this.detail;
	}

}
