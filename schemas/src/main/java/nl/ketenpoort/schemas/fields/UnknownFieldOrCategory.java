package nl.ketenpoort.schemas.fields;

/**
 * Thrown when an allowed-field entry is neither a category code nor a field path of the
 * document type, which means a purpose's field list has a typo or is out of date.
 */
public class UnknownFieldOrCategory extends RuntimeException {

	private final String documentType;

	private final String entry;

	public UnknownFieldOrCategory(String documentType, String entry) {
		super("'" + entry + "' is neither a category nor a field of " + documentType);
		this.documentType = documentType;
		this.entry = entry;
	}

	public String documentType() {
		return this.documentType;
	}

	public String entry() {
		return this.entry;
	}

}
