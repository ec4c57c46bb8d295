package nl.ketenpoort.gateway.sandbox;

import java.util.Map;
import java.util.Optional;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.raak.RaakMapping;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognises what a partner received from the shape of its own format: the root property
 * of RAAK's and the language providers' JSON, VVS's {@code dossierType}, or the canonical
 * envelope; the consent statement's single document type otherwise.
 */
final class NativeDocuments {

	private static final Map<String, DocumentType> NATIVE_NAMES = Map.of("klantprofiel",
			DocumentType.of("client-profile"), "trajectplan", DocumentType.of("trajectory-plan"), "overdrachtsbericht",
			DocumentType.of("handover-notice"), "leerprofiel", DocumentType.of("nt2-learner-profile"), "eindrapportage",
			DocumentType.of("opstartklas-report"));

	private final JsonMapper json;

	NativeDocuments(JsonMapper json) {
		this.json = json;
	}

	/** The body as JSON, or empty when it is something else (such as TVS's XML). */
	Optional<JsonNode> parse(String body) {
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && (node.isObject() || node.isArray())) ? Optional.of(node) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The document type of a received body.
	 * @param body the body, when it is JSON
	 * @param fromStatement the single document type the consent statement covers, if so
	 * @return the type code, or {@code null} when it cannot be told
	 */
	@Nullable String documentType(@Nullable JsonNode body, Optional<String> fromStatement) {
		if (body != null && body.isObject()) {
			String dossierType = body.path("dossierType").asString("");
			if (NATIVE_NAMES.containsKey(dossierType)) {
				return NATIVE_NAMES.get(dossierType).code();
			}
			if (body.size() == 1) {
				String root = body.propertyNames().iterator().next();
				if (NATIVE_NAMES.containsKey(root)) {
					return NATIVE_NAMES.get(root).code();
				}
			}
			String canonical = body.path("documentType").asString("");
			if (DocumentType.fromCode(canonical).isPresent()) {
				return canonical;
			}
		}
		return fromStatement.orElse(null);
	}

	/**
	 * The V-number of the status holder a client profile received by RAAK is about: from
	 * RAAK's own format, or from a canonical profile.
	 */
	Optional<String> clientProfileVNumber(JsonNode body) {
		JsonNode canonical;
		try {
			canonical = new RaakMapping().toCanonical(DocumentType.of("client-profile"), body);
		}
		catch (NativeDocumentInvalid | DocumentNotMappable ex) {
			// Not RAAK's format: perhaps canonical, with or without the exchange
			// envelope.
			canonical = body.has("document") ? body.get("document") : body;
		}
		JsonNode vNumber = canonical.path("subject").path("vNumber");
		return vNumber.isString() ? Optional.of(vNumber.asString()) : Optional.empty();
	}

}
