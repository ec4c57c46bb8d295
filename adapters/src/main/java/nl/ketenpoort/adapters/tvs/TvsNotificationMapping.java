package nl.ketenpoort.adapters.tvs;

import java.util.Set;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.schemas.DocumentType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What TVS receives back from the chain: the handover notice naming the receiving contact
 * person (seed 3.5), as TVS's notification JSON {@code {"overdrachtsbericht": {…}}} over
 * REST. TVS's exports themselves are XML (see {@link TvsExportFormat}).
 */
public final class TvsNotificationMapping implements NativeMapping {

	/** The partner id. */
	public static final String PARTNER = "tvs";

	private static final String ROOT = "overdrachtsbericht";

	private final String partner;

	public TvsNotificationMapping() {
		this(PARTNER);
	}

	/**
	 * TVS's format as used by one partner system.
	 * @param partner the partner id
	 */
	public TvsNotificationMapping(String partner) {
		this.partner = partner;
	}

	@Override
	public String partner() {
		return this.partner;
	}

	@Override
	public Set<DocumentType> receives() {
		return Set.of(DocumentType.of("handover-notice"));
	}

	@Override
	public Set<DocumentType> sends() {
		return Set.of();
	}

	@Override
	public String receiptProperty() {
		return "meldingId";
	}

	@Override
	public JsonNode toNative(DocumentType type, JsonNode canonical) {
		if (!type.equals(DocumentType.of("handover-notice")) || !canonical.isObject()) {
			throw new DocumentNotMappable(this.partner, type.code(), "TVS receives only handover notices");
		}
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.set(ROOT, canonical.deepCopy());
		return message;
	}

	@Override
	public ObjectNode toCanonical(DocumentType type, JsonNode nativeDocument) {
		JsonNode inner = nativeDocument.path(ROOT);
		if (!type.equals(DocumentType.of("handover-notice")) || !inner.isObject()) {
			throw new NativeDocumentInvalid(this.partner, ROOT, "expected the handover notice object");
		}
		return (ObjectNode) inner.deepCopy();
	}

}
