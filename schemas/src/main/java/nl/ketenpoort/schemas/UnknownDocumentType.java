package nl.ketenpoort.schemas;

/**
 * Thrown when a code names no {@link DocumentType}.
 */
public class UnknownDocumentType extends RuntimeException {

	private final String code;

	public UnknownDocumentType(String code) {
		super("No document type has code '" + code + "'");
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
