package nl.ketenpoort.consent.purpose;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * No purpose with this code is in the catalogue.
 */
public class PurposeUnknown extends RuntimeException implements CodedFailure {

	private final String code;

	public PurposeUnknown(String code) {
		super("No purpose '" + code + "' in the purpose catalogue");
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.UNKNOWN_PURPOSE;
	}

}
