package nl.ketenpoort.schemas.fields;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * A field of a document type that names the status holder the document is about, as its
 * schema declares with {@code x-subject-identifier}; at acceptance its value must be the
 * exchange's own subject.
 *
 * @param path the field path, e.g. {@code subject.vNumber}
 * @param kind which identifier the field holds
 */
public record SubjectIdentifierField(String path, IdentifierKind kind) {

	/** The JSON Pointer of the field in the document, e.g. {@code /subject/vNumber}. */
	public String pointer() {
		return "/" + this.path.replace(".", "/");
	}

}
