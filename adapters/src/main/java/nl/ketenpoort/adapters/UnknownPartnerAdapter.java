package nl.ketenpoort.adapters;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * Thrown when no adapter exists for a partner id and adapter kind.
 */
public class UnknownPartnerAdapter extends RuntimeException implements CodedFailure {

	private final String kind;

	private final String partner;

	public UnknownPartnerAdapter(Object kind, String partner) {
		super("No " + kind + " adapter for partner '" + partner + "'");
		this.kind = String.valueOf(kind);
		this.partner = partner;
	}

	public String kind() {
		return this.kind;
	}

	public String partner() {
		return this.partner;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.NO_ADAPTER;
	}

}
