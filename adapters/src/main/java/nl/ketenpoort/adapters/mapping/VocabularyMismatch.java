package nl.ketenpoort.adapters.mapping;

/**
 * A document does not fit a vocabulary; the location is a path of property names.
 */
class VocabularyMismatch extends RuntimeException {

	private final String location;

	VocabularyMismatch(String location, String reason) {
		super(reason);
		this.location = location;
	}

	String location() {
		return this.location;
	}

}
