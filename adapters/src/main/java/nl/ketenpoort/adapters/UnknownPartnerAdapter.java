package nl.ketenpoort.adapters;

/**
 * Thrown when no adapter exists for a partner id and adapter kind.
 */
public class UnknownPartnerAdapter extends RuntimeException {

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

}
