package nl.ketenpoort.gateway.consent.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.purpose.PurposeText;
import nl.ketenpoort.consent.statement.ConsentKeys;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of consent: the purpose catalogue with its texts in the reader's
 * language, and the keys that verify consent statements.
 */
@RestController
@Tag(name = "Purposes and keys", description = "Public: what each purpose shares, and the statement keys")
class PurposeController {

	/** Languages written right to left. */
	static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa");

	private final PurposeCatalogue catalogue;

	private final ConsentKeys keys;

	PurposeController(PurposeCatalogue catalogue, ConsentKeys keys) {
		this.catalogue = catalogue;
		this.keys = keys;
	}

	@GetMapping(path = "/api/v1/purposes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The purpose catalogue, with titles and explanations in nl, en, ar, ti, fa, tr or bo")
	Map<String, Object> purposes(@RequestParam(defaultValue = "nl") String lang) {
		String language = PurposeCatalogue.REQUIRED_LANGUAGES.contains(lang) ? lang : Purpose.FALLBACK_LANGUAGE;
		List<Map<String, Object>> purposes = this.catalogue.purposes()
			.stream()
			.map((purpose) -> view(purpose, purpose.text(language)))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("catalogueVersion", this.catalogue.version());
		body.put("language", language);
		body.put("direction", RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr");
		body.put("purposes", purposes);
		return body;
	}

	@GetMapping(path = "/.well-known/consent-jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Public keys that verify consent statements (JWK Set)")
	Map<String, Object> consentKeys() {
		return this.keys.keySet().toJson();
	}

	private static Map<String, Object> view(Purpose purpose, PurposeText text) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("code", purpose.code());
		view.put("version", purpose.version());
		view.put("title", text.title());
		view.put("explanation", text.explanation());
		view.put("language", text.language());
		view.put("machineDraft", text.machineDraft());
		view.put("textSha256", text.sha256());
		view.put("legalBasis", purpose.legalBasis().code());
		view.put("specialCategory", purpose.specialCategory());
		view.put("maxValidity", purpose.maxValidity().toString());
		view.put("routes",
				purpose.routes()
					.stream()
					.map((route) -> Map.of("from", route.from(), "to", route.to(), "documentTypes",
							route.documentTypes().stream().map((type) -> type.code()).sorted().toList()))
					.toList());
		Map<String, Object> allowed = new LinkedHashMap<>();
		purpose.allowedCategories().forEach((type, categories) -> allowed.put(type.code(), categories));
		view.put("allowedCategories", allowed);
		return view;
	}

}
