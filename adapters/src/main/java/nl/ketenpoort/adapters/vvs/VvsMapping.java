package nl.ketenpoort.adapters.vvs;

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
 * VVS's JSON: the canonical document unchanged inside VVS's own envelope,
 * {@code {"dossierType": "klantprofiel", "clientReferentie": "<V-number>", "inhoud":
 * {…}}}.
 * <p>
 * VVS files documents by the client's V-number, so the envelope repeats it; a minimised
 * document without a subject gets an envelope without a reference rather than an invented
 * one.
 */
public final class VvsMapping implements NativeMapping {

	/** The partner id. */
	public static final String PARTNER = "vvs";

	private static final Map<DocumentType, String> DOSSIER_TYPES = Map.of(DocumentType.of("client-profile"),
			"klantprofiel", DocumentType.of("trajectory-plan"), "trajectplan", DocumentType.of("handover-notice"),
			"overdrachtsbericht");

	private static final Set<String> ENVELOPE = Set.of("dossierType", "clientReferentie", "inhoud");

	private final String partner;

	public VvsMapping() {
		this(PARTNER);
	}

	/**
	 * VVS's format as used by one partner system.
	 * @param partner the partner id
	 */
	public VvsMapping(String partner) {
		this.partner = partner;
	}

	@Override
	public String partner() {
		return this.partner;
	}

	@Override
	public Set<DocumentType> receives() {
		return Set.of(DocumentType.of("client-profile"), DocumentType.of("trajectory-plan"));
	}

	@Override
	public Set<DocumentType> sends() {
		return Set.of(DocumentType.of("handover-notice"));
	}

	@Override
	public String receiptProperty() {
		return "dossierId";
	}

	@Override
	public JsonNode toNative(DocumentType type, JsonNode canonical) {
		String dossierType = dossierType(type);
		if (!canonical.isObject()) {
			throw new DocumentNotMappable(this.partner, type.code(), "expected an object");
		}
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("dossierType", dossierType);
		JsonNode vNumber = canonical.path("subject").path("vNumber");
		if (vNumber.isString()) {
			envelope.put("clientReferentie", vNumber.stringValue());
		}
		envelope.set("inhoud", canonical.deepCopy());
		return envelope;
	}

	@Override
	public ObjectNode toCanonical(DocumentType type, JsonNode nativeDocument) {
		String dossierType = dossierType(type);
		if (!nativeDocument.isObject()) {
			throw new NativeDocumentInvalid(this.partner, "/", "expected an object");
		}
		for (String name : nativeDocument.propertyNames()) {
			if (!ENVELOPE.contains(name)) {
				throw new NativeDocumentInvalid(this.partner, name, "is not a property of the envelope");
			}
		}
		if (!dossierType.equals(nativeDocument.path("dossierType").asString(""))) {
			throw new NativeDocumentInvalid(this.partner, "dossierType", "does not name the document type");
		}
		if (!(nativeDocument.get("inhoud") instanceof ObjectNode content)) {
			throw new NativeDocumentInvalid(this.partner, "inhoud", "expected an object");
		}
		JsonNode reference = nativeDocument.get("clientReferentie");
		if (reference != null && !reference.equals(content.path("subject").path("vNumber"))) {
			throw new NativeDocumentInvalid(this.partner, "clientReferentie", "differs from inhoud.subject.vNumber");
		}
		return content.deepCopy();
	}

	private String dossierType(DocumentType type) {
		if (!hasFormatFor(type)) {
			throw new DocumentNotMappable(this.partner, type.code(), "the partner has no format for this type");
		}
		return DOSSIER_TYPES.get(type);
	}

}
