package nl.ketenpoort.schemas;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * Thrown when a code names no {@link DocumentType}.
 */
public class UnknownDocumentType extends RuntimeException implements CodedFailure {

	private final String code;

	public UnknownDocumentType(String code) {
		super("No document type has code '" + code + "'");
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.UNKNOWN_DOCUMENT_TYPE;
	}

}
