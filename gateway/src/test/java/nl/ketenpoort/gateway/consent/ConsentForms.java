package nl.ketenpoort.gateway.consent;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consent grants as a status holder or case manager submits them to
 * {@code POST /api/v1/consents}, for tests in any package.
 */
public final class ConsentForms {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConsentForms() {
	}

	/**
	 * A grant for one route and document type, with the hash of the catalogue's text in
	 * that language (as the portal sends it).
	 */
	public static ObjectNode grant(PurposeCatalogue catalogue, String purpose, String from, String to,
			String documentType, String language) {
		ObjectNode grant = JSON.createObjectNode();
		grant.put("purpose", purpose);
		grant.put("from", from);
		grant.putArray("to").add(to);
		grant.putArray("documentTypes").add(documentType);
		grant.put("language", language);
		grant.put("textSha256", catalogue.text(purpose, language).sha256());
		return grant;
	}

	/** The same grant recorded by a case manager on behalf of the status holder. */
	public static ObjectNode onBehalf(ObjectNode grant, String vNumber) {
		grant.put("method", "on-behalf-paper");
		grant.put("vNumber", vNumber);
		grant.put("evidenceReference", "paper form in the azc file");
		return grant;
	}

}
