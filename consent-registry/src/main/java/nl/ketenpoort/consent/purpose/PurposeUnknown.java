package nl.ketenpoort.consent.purpose;

/**
 * No purpose with this code is in the catalogue.
 */
public class PurposeUnknown extends RuntimeException {

	private final String code;

	public PurposeUnknown(String code) {
		super("No purpose '" + code + "' in the purpose catalogue");
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
