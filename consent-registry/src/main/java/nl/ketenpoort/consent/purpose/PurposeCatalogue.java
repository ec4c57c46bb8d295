package nl.ketenpoort.consent.purpose;

import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The versioned purpose catalogue, loaded once from {@code purposes.yaml} and validated
 * so that an inconsistent catalogue fails at start-up rather than at the first exchange.
 */
public final class PurposeCatalogue {

	/** The classpath location of the catalogue shipped with the registry. */
	public static final String DEFAULT_LOCATION = "purposes.yaml";

	/** Languages every purpose must offer a text in. */
	public static final List<String> REQUIRED_LANGUAGES = List.of("nl", "en", "ar", "ti", "fa", "tr", "bo");

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private static final Logger logger = LoggerFactory.getLogger(PurposeCatalogue.class);

	private final String version;

	private final Map<String, Purpose> purposes;

	private PurposeCatalogue(String version, Map<String, Purpose> purposes) {
		this.version = version;
		this.purposes = purposes;
	}

	/**
	 * Load the catalogue shipped with the registry.
	 * @return the validated catalogue
	 */
	public static PurposeCatalogue load() {
		return load(new ClassPathResource(DEFAULT_LOCATION), AllowedEntries.CATEGORIES_ONLY);
	}

	/**
	 * Load and validate a catalogue.
	 * @param resource the YAML file
	 * @param allowedEntries checks the allowed fields and categories per document type
	 * @return the validated catalogue
	 * @throws CatalogueInvalid when the file cannot be read or is inconsistent
	 */
	public static PurposeCatalogue load(Resource resource, AllowedEntries allowedEntries) {
		String location = resource.getDescription();
		try (InputStream in = resource.getInputStream()) {
			return load(in, location, allowedEntries);
		}
		catch (IOException ex) {
			throw new CatalogueInvalid(location, "cannot be read", ex);
		}
	}

	/**
	 * Load and validate a catalogue from a stream.
	 * @param in the YAML content
	 * @param location a description of the source, used in error messages
	 * @param allowedEntries checks the allowed fields and categories per document type
	 * @return the validated catalogue
	 * @throws CatalogueInvalid when the content is inconsistent
	 */
	public static PurposeCatalogue load(InputStream in, String location, AllowedEntries allowedEntries) {
		JsonNode root;
		try {
			root = YAMLMapper.builder().build().readTree(in);
		}
		catch (JacksonException ex) {
			throw new CatalogueInvalid(location, "not valid YAML", ex);
		}
		PurposeCatalogue catalogue = new CatalogueReader(location, allowedEntries).read(root);
		logger.info("Loaded purpose catalogue version {} with {} purposes", catalogue.version,
				catalogue.purposes.size());
		return catalogue;
	}

	/** The catalogue version, raised on every change. */
	public String version() {
		return this.version;
	}

	/** All purposes in catalogue order. */
	public Collection<Purpose> purposes() {
		return this.purposes.values();
	}

	/** The purpose with this code, if any. */
	public Optional<Purpose> find(String code) {
		return Optional.ofNullable(this.purposes.get(code));
	}

	/**
	 * The purpose with this code.
	 * @param code the purpose code
	 * @return the purpose
	 * @throws PurposeUnknown when the catalogue has no such purpose
	 */
	public Purpose get(String code) {
		Purpose purpose = this.purposes.get(code);
		if (purpose == null) {
			throw new PurposeUnknown(code);
		}
		return purpose;
	}

	/**
	 * The text of a purpose in a language, falling back to Dutch.
	 * @param code the purpose code
	 * @param language ISO 639-1 code
	 * @return the text to show
	 * @throws PurposeUnknown when the catalogue has no such purpose
	 */
	public PurposeText text(String code, String language) {
		return get(code).text(language);
	}

	/** Turns the YAML tree into purposes, failing on the first inconsistency. */
	private static final class CatalogueReader {

		private final String location;

		private final AllowedEntries allowedEntries;

		CatalogueReader(String location, AllowedEntries allowedEntries) {
			this.location = location;
			this.allowedEntries = allowedEntries;
		}

		PurposeCatalogue read(JsonNode root) {
			String version = requiredString(root, "catalogue-version", "catalogue");
			JsonNode entries = root.path("purposes");
			if (!entries.isArray() || entries.isEmpty()) {
				throw invalid("'purposes' must be a non-empty list");
			}
			Map<String, Purpose> purposes = new LinkedHashMap<>();
			for (JsonNode entry : entries.values()) {
				Purpose purpose = purpose(entry);
				if (purposes.putIfAbsent(purpose.code(), purpose) != null) {
					throw invalid("duplicate purpose code '" + purpose.code() + "'");
				}
			}
			return new PurposeCatalogue(version, Map.copyOf(purposes));
		}

		private Purpose purpose(JsonNode entry) {
			String code = requiredString(entry, "code", "purpose");
			requireCode(code, "purpose code");
			String where = "purpose '" + code + "'";
			JsonNode versionNode = entry.path("version");
			if (!versionNode.isInt() || versionNode.intValue() < 1) {
				throw invalid(where + ": 'version' must be a positive integer");
			}
			String basisCode = requiredString(entry, "legal-basis", where);
			LegalBasis basis = LegalBasis.fromCode(basisCode)
				.orElseThrow(() -> invalid(where + ": unknown legal basis '" + basisCode + "'"));
			if (!basis.carried()) {
				throw invalid(where + ": legal basis " + basis.code() + " (" + basis.article()
						+ ") needs a signed statement of that basis instead of a consent, which this version of"
						+ " Ketenpoort does not issue yet");
			}
			JsonNode specialNode = entry.path("special-category");
			if (!specialNode.isBoolean()) {
				throw invalid(where + ": 'special-category' must be true or false");
			}
			boolean special = specialNode.asBoolean();
			Period maxValidity = period(requiredString(entry, "max-validity", where), where);
			List<Route> routes = routes(entry.path("routes"), where);
			Map<DocumentType, Set<String>> allowed = allowed(entry.path("allowed"), where);
			checkConsistency(where, basis, special, routes, allowed);
			Map<String, PurposeText> texts = texts(entry.path("texts"), where);
			return new Purpose(code, versionNode.intValue(), basis, special, maxValidity, routes, allowed, texts);
		}

		private Period period(String value, String where) {
			try {
				Period period = Period.parse(value);
				if (period.isNegative() || period.isZero()) {
					throw invalid(where + ": 'max-validity' must be positive");
				}
				return period;
			}
			catch (DateTimeParseException ex) {
				throw invalid(where + ": 'max-validity' must be an ISO-8601 period such as P1Y, got '" + value + "'");
			}
		}

		private List<Route> routes(JsonNode node, String where) {
			if (!node.isArray() || node.isEmpty()) {
				throw invalid(where + ": 'routes' must be a non-empty list");
			}
			List<Route> routes = new ArrayList<>();
			for (JsonNode route : node.values()) {
				Set<DocumentType> types = new LinkedHashSet<>();
				for (String typeCode : strings(route.path("documents"), where + " route 'documents'")) {
					types.add(documentType(typeCode, where));
				}
				String from = requiredString(route, "from", where + " route");
				requireCode(from, where + " sender");
				List<String> to = strings(route.path("to"), where + " route 'to'");
				for (String recipient : to) {
					requireCode(recipient, where + " recipient");
					if (recipient.equals(from)) {
						throw invalid(where + ": route from '" + from + "' to itself");
					}
				}
				routes.add(new Route(types, from, to));
			}
			return routes;
		}

		private Map<DocumentType, Set<String>> allowed(JsonNode node, String where) {
			if (!node.isObject() || node.isEmpty()) {
				throw invalid(where + ": 'allowed' must map document types to fields or categories");
			}
			Map<DocumentType, Set<String>> allowed = new TreeMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				DocumentType type = documentType(entry.getKey(), where);
				Set<String> categories = new LinkedHashSet<>(
						strings(entry.getValue(), where + " categories of " + type.code()));
				List<String> unknown = this.allowedEntries.unknown(type, categories);
				if (!unknown.isEmpty()) {
					throw invalid(where + ": unknown field or category " + unknown + " for " + type.code());
				}
				allowed.put(type, Set.copyOf(categories));
			}
			return allowed;
		}

		private void checkConsistency(String where, LegalBasis basis, boolean special, List<Route> routes,
				Map<DocumentType, Set<String>> allowed) {
			Set<DocumentType> routed = new HashSet<>();
			routes.forEach((route) -> routed.addAll(route.documentTypes()));
			if (!routed.equals(allowed.keySet())) {
				throw invalid(where + ": the document types in 'routes' " + routed
						+ " must be exactly those in 'allowed' " + allowed.keySet());
			}
			boolean carriesSpecial = allowed.values()
				.stream()
				.flatMap(Set::stream)
				.anyMatch((category) -> Category.fromCode(category).map(Category::isSpecial).orElse(false));
			if (carriesSpecial != special) {
				throw invalid(where + ": 'special-category' must be " + carriesSpecial + " because its categories "
						+ (carriesSpecial ? "include" : "exclude") + " special-category (Art. 9) data");
			}
			if (special != (basis == LegalBasis.EXPLICIT_CONSENT)) {
				throw invalid(where + ": special-category data requires legal basis "
						+ LegalBasis.EXPLICIT_CONSENT.code() + " and only then");
			}
		}

		private Map<String, PurposeText> texts(JsonNode node, String where) {
			if (!node.isObject()) {
				throw invalid(where + ": 'texts' must map languages to a title and an explanation");
			}
			Map<String, PurposeText> texts = new LinkedHashMap<>();
			for (String language : REQUIRED_LANGUAGES) {
				JsonNode text = node.path(language);
				if (!text.isObject()) {
					throw invalid(where + ": missing text in language '" + language + "'");
				}
				String textWhere = where + " text '" + language + "'";
				String title = requiredString(text, "title", textWhere);
				String explanation = requiredString(text, "explanation", textWhere);
				boolean draft = text.path("machine-draft").asBoolean(false);
				if (draft && (language.equals("nl") || language.equals("en"))) {
					throw invalid(textWhere + ": the source texts nl and en cannot be machine drafts");
				}
				texts.put(language, new PurposeText(language, title, explanation, draft));
			}
			for (String language : node.propertyNames()) {
				if (!texts.containsKey(language)) {
					throw invalid(where + ": text in language '" + language + "' which the portal does not offer");
				}
			}
			return texts;
		}

		private DocumentType documentType(String code, String where) {
			return DocumentType.fromCode(code)
				.orElseThrow(() -> invalid(where + ": unknown document type '" + code + "'"));
		}

		private List<String> strings(JsonNode node, String where) {
			if (!node.isArray() || node.isEmpty()) {
				throw invalid(where + " must be a non-empty list");
			}
			List<String> values = new ArrayList<>();
			for (JsonNode value : node.values()) {
				if (!value.isString() || value.stringValue().isBlank()) {
					throw invalid(where + " must contain only non-empty strings");
				}
				values.add(value.stringValue());
			}
			return values;
		}

		private String requiredString(JsonNode node, String field, String where) {
			JsonNode value = node.path(field);
			if (!value.isString() || value.stringValue().isBlank()) {
				throw invalid(where + ": '" + field + "' is missing or empty");
			}
			return value.stringValue();
		}

		private void requireCode(String value, String what) {
			if (!CODE.matcher(value).matches()) {
				throw invalid(what + " '" + value + "' must be lowercase letters, digits and hyphens");
			}
		}

		private CatalogueInvalid invalid(String problem) {
			return new CatalogueInvalid(this.location, problem);
		}

	}

}
