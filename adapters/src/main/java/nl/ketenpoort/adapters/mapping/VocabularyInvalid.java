package nl.ketenpoort.adapters.mapping;

/**
 * Thrown while building a {@link NativeVocabulary} that names a property or code twice: a
 * programming error found when the adapter is created.
 */
public class VocabularyInvalid extends IllegalStateException {

	public VocabularyInvalid(String reason) {
		super("Vocabulary invalid: " + reason);
	}

}
