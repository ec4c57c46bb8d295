package nl.ketenpoort.adapters;

import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.DocumentType;

/**
 * One partner's JSON format for canonical documents, in both directions.
 * <p>
 * Mappings only rename and restructure: a field absent on one side is absent on the other
 * (minimised documents stay minimised), nothing is invented, and a field the mapping does
 * not know is refused rather than dropped.
 */
public interface NativeMapping {

	/**
	 * The partner id, e.g. {@code raak}.
	 * @return the partner id
	 */
	String partner();

	/**
	 * The document types the partner receives from the gateway.
	 * @return the types {@link #toNative} accepts
	 */
	Set<DocumentType> receives();

	/**
	 * The document types the partner sends in its own format.
	 * @return the types {@link #toCanonical} accepts
	 */
	Set<DocumentType> sends();

	/**
	 * The document types the partner has a native form for.
	 * @return {@link #receives()} and {@link #sends()} together
	 */
	default Set<DocumentType> receivesAndSends() {
		java.util.SortedSet<DocumentType> types = new java.util.TreeSet<>();
		types.addAll(receives());
		types.addAll(sends());
		return types;
	}

	/**
	 * Whether the partner has a native form for a document type (it receives or sends
	 * it).
	 * @param type the document type
	 * @return {@code true} when {@link #toNative} and {@link #toCanonical} accept the
	 * type
	 */
	default boolean hasFormatFor(DocumentType type) {
		return receives().contains(type) || sends().contains(type);
	}

	/**
	 * The partner's form of a canonical document.
	 * @param type the document type
	 * @param canonical the canonical document
	 * @return the native document
	 * @throws DocumentNotMappable when the partner has no format for the type or a field
	 * has no native form
	 */
	JsonNode toNative(DocumentType type, JsonNode canonical);

	/**
	 * The canonical form of a partner's document.
	 * @param type the document type
	 * @param nativeDocument the partner's document
	 * @return the canonical document, not yet validated against its schema
	 * @throws NativeDocumentInvalid when the native document does not have the partner's
	 * form
	 * @throws DocumentNotMappable when the partner has no format for the type
	 */
	ObjectNode toCanonical(DocumentType type, JsonNode nativeDocument);

	/**
	 * The property of the partner's JSON reply that holds its receipt id, if it sends
	 * one.
	 * @return the property name, or the empty string when the partner sends none
	 */
	default String receiptProperty() {
		return "";
	}

}
