package nl.ketenpoort.schemas;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A canonical document type that travels between the chain partners: a value named by its
 * code, declared by a JSON Schema at {@code schemas/<code>.schema.json} that carries an
 * {@code x-document-type} member (see {@link DocumentTypes}); adding a type is adding
 * such a file, no Java.
 *
 * @param code the stable code used in the API, the purpose catalogue and the audit log,
 * such as {@code client-profile}
 */
public record DocumentType(String code) implements CanonicalSchema, Comparable<DocumentType> {

	public DocumentType {
		if (code == null || !code.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
			throw new UnknownDocumentType(String.valueOf(code));
		}
	}

	/** The stable code used in the API, the purpose catalogue and the audit log. */
	@Override
	@JsonValue
	public String code() {
		return this.code;
	}

	/** Classpath location of this type's JSON Schema. */
	@Override
	public String schemaResource() {
		return "schemas/" + this.code + ".schema.json";
	}

	/**
	 * The shipped document type with this code, if there is one.
	 * @param code a document type code such as {@code client-profile}
	 * @return the document type, empty when no shipped schema declares it
	 */
	public static Optional<DocumentType> fromCode(String code) {
		return DocumentTypes.shipped().find(code);
	}

	/**
	 * The document type with this code.
	 * @param code a document type code such as {@code client-profile}
	 * @return the document type
	 * @throws UnknownDocumentType when no type has this code
	 */
	@JsonCreator
	public static DocumentType of(String code) {
		return fromCode(code).orElseThrow(() -> new UnknownDocumentType(code));
	}

	/**
	 * Every shipped document type, in the order their schemas declare
	 * ({@code x-document-type.order}).
	 * @return the document types
	 */
	public static List<DocumentType> all() {
		return DocumentTypes.shipped().all();
	}

	/**
	 * The name people know this type by, such as "digitaal klantprofiel", from the
	 * schema's {@code x-document-type.titles}.
	 * @param language ISO 639-1 code; a language without a title falls back to Dutch
	 * @return the title, or the code when the type is not shipped
	 */
	public String title(String language) {
		return DocumentTypes.shipped().title(this, language);
	}

	/** Orders as the schemas declare, so that lists read the same everywhere. */
	@Override
	public int compareTo(DocumentType other) {
		DocumentTypes shipped = DocumentTypes.shipped();
		int order = Integer.compare(shipped.order(this), shipped.order(other));
		return (order != 0) ? order : this.code.compareTo(other.code);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
