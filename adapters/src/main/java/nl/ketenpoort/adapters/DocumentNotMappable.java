package nl.ketenpoort.adapters;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * Thrown when a canonical document (or a document type) has no form in a partner's native
 * format. The message names the partner, the type and field path, never a value.
 */
public class DocumentNotMappable extends RuntimeException implements CodedFailure {

	private final String partner;

	private final String location;

	public DocumentNotMappable(String partner, String location, String reason) {
		super("Document for " + partner + " not mappable at '" + location + "': " + reason);
		this.partner = partner;
		this.location = location;
	}

	public String partner() {
		return this.partner;
	}

	/** The document type or the canonical field path that has no native form. */
	public String location() {
		return this.location;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.DOCUMENT_NOT_MAPPABLE;
	}

}
