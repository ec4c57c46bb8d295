package nl.ketenpoort.consent.purpose;

/**
 * The purpose catalogue file cannot be used; raised at load so that a bad catalogue stops
 * the application instead of mis-authorising an exchange.
 */
public class CatalogueInvalid extends RuntimeException {

	private final String location;

	CatalogueInvalid(String location, String problem) {
		super("Purpose catalogue " + location + " is invalid: " + problem);
		this.location = location;
	}

	CatalogueInvalid(String location, String problem, Throwable cause) {
		super("Purpose catalogue " + location + " is invalid: " + problem, cause);
		this.location = location;
	}

	public String location() {
		return this.location;
	}

}
