package nl.ketenpoort.adapters.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.schemas.DocumentType;

/**
 * A partner format where each document is one JSON object under a root property named for
 * its type (e.g. {@code {"klantprofiel": {…}}}), its properties renamed by a
 * {@link NativeVocabulary}.
 */
public class VocabularyMapping implements NativeMapping {

	private final String partner;

	private final Map<DocumentType, Format> formats;

	private final Set<DocumentType> receives;

	private final Set<DocumentType> sends;

	private final String receiptProperty;

	/**
	 * Creates the mapping.
	 * @param partner the partner id
	 * @param formats the partner's formats
	 * @param receives the types the partner receives (each needs a format)
	 * @param sends the types the partner sends (each needs a format)
	 * @param receiptProperty the property of the partner's reply holding its receipt id,
	 * or the empty string
	 */
	public VocabularyMapping(String partner, Iterable<Format> formats, Set<DocumentType> receives,
			Set<DocumentType> sends, String receiptProperty) {
		this.partner = partner;
		Map<DocumentType, Format> byType = new LinkedHashMap<>();
		formats.forEach((format) -> byType.put(format.type(), format));
		this.formats = Map.copyOf(byType);
		this.receives = Set.copyOf(receives);
		this.sends = Set.copyOf(sends);
		this.receiptProperty = receiptProperty;
		for (DocumentType type : receivesAndSends()) {
			if (!this.formats.containsKey(type)) {
				throw new VocabularyInvalid(partner + " exchanges " + type + " but has no format for it");
			}
		}
	}

	@Override
	public String partner() {
		return this.partner;
	}

	@Override
	public Set<DocumentType> receives() {
		return this.receives;
	}

	@Override
	public Set<DocumentType> sends() {
		return this.sends;
	}

	@Override
	public String receiptProperty() {
		return this.receiptProperty;
	}

	@Override
	public JsonNode toNative(DocumentType type, JsonNode canonical) {
		Format format = format(type);
		try {
			ObjectNode root = JsonNodeFactory.instance.objectNode();
			root.set(format.root(), JsonRenaming.toNative(format.vocabulary(), canonical, ""));
			return root;
		}
		catch (VocabularyMismatch ex) {
			throw new DocumentNotMappable(this.partner, type + ":" + ex.location(), ex.getMessage());
		}
	}

	@Override
	public ObjectNode toCanonical(DocumentType type, JsonNode nativeDocument) {
		Format format = format(type);
		if (!nativeDocument.isObject() || nativeDocument.size() != 1 || !nativeDocument.has(format.root())) {
			throw new NativeDocumentInvalid(this.partner, "/", "expected one property '" + format.root() + "'");
		}
		try {
			return JsonRenaming.toCanonical(format.vocabulary(), nativeDocument.get(format.root()), format.root());
		}
		catch (VocabularyMismatch ex) {
			throw new NativeDocumentInvalid(this.partner, ex.location(), ex.getMessage());
		}
	}

	private Format format(DocumentType type) {
		if (!hasFormatFor(type)) {
			throw new DocumentNotMappable(this.partner, type.code(), "the partner has no format for this type");
		}
		return this.formats.get(type);
	}

	/**
	 * The partner's form of one document type.
	 *
	 * @param type the document type
	 * @param root the name of the root property, e.g. {@code klantprofiel}
	 * @param vocabulary how the document's properties are named
	 */
	public record Format(DocumentType type, String root, NativeVocabulary vocabulary) {

	}

}
