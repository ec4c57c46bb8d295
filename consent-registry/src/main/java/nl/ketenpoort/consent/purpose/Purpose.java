package nl.ketenpoort.consent.purpose;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.schemas.DocumentType;

/**
 * One entry of the purpose catalogue: why data may flow, along which routes, which field
 * categories survive, on which legal basis and for how long a consent may run.
 *
 * @param code stable purpose code
 * @param version raised on every change of routes, categories, basis or texts
 * @param legalBasis the GDPR ground
 * @param specialCategory whether Art. 9 categories are included
 * @param maxValidity the longest validity a consent for this purpose may have
 * @param routes the allowed flows
 * @param allowedCategories per document type, the field categories that may be sent
 * @param texts per language code, the title and explanation
 */
public record Purpose(String code, int version, LegalBasis legalBasis, boolean specialCategory, Period maxValidity,
		List<Route> routes, Map<DocumentType, Set<String>> allowedCategories, Map<String, PurposeText> texts) {

	/** The language every purpose has and every other language falls back to. */
	public static final String FALLBACK_LANGUAGE = "nl";

	public Purpose {
		routes = List.copyOf(routes);
		allowedCategories = Map.copyOf(allowedCategories);
		texts = Map.copyOf(texts);
	}

	/**
	 * The text in the requested language, or the Dutch text when that language is not
	 * offered.
	 * @param language ISO 639-1 code
	 * @return the text to show
	 */
	public PurposeText text(String language) {
		PurposeText text = this.texts.get(language);
		return (text != null) ? text : this.texts.get(FALLBACK_LANGUAGE);
	}

	/** Whether a text is offered in exactly this language (no fallback). */
	public boolean offersLanguage(String language) {
		return this.texts.containsKey(language);
	}

	/** All document types that occur on any route of this purpose. */
	public Set<DocumentType> documentTypes() {
		return this.allowedCategories.keySet();
	}

	/** Whether some route carries the document type from the sender to the recipient. */
	public boolean covers(String sender, String recipient, DocumentType type) {
		return this.routes.stream().anyMatch((route) -> route.covers(sender, recipient, type));
	}

	/**
	 * The field categories that may be sent for the document type, if the purpose covers
	 * it.
	 */
	public Optional<Set<String>> categoriesFor(DocumentType type) {
		return Optional.ofNullable(this.allowedCategories.get(type));
	}

}
