package nl.ketenpoort.schemas.registry;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.DocumentTypes;
import nl.ketenpoort.schemas.SchemaResources;
import nl.ketenpoort.schemas.fields.Field;
import nl.ketenpoort.schemas.fields.FieldCatalogue;
import nl.ketenpoort.schemas.fields.FieldNames;
import nl.ketenpoort.schemas.fields.Minimiser;
import nl.ketenpoort.schemas.fields.UnknownFieldOrCategory;
import nl.ketenpoort.schemas.validation.DocumentValidator;
import nl.ketenpoort.schemas.validation.UnreadableDocument;
import nl.ketenpoort.schemas.validation.Violation;

/**
 * Every document type with its compiled schema and field catalogue: load it once
 * (compiling the schemas takes time) and share it, it is immutable and thread-safe.
 */
public final class DocumentSchemas {

	private static final Logger logger = LoggerFactory.getLogger(DocumentSchemas.class);

	private final DocumentValidator validator;

	private final FieldCatalogue catalogue;

	private final Minimiser minimiser;

	private final Map<CanonicalSchema, JsonNode> sources;

	private final DocumentTypes types;

	private DocumentSchemas(DocumentTypes types, DocumentValidator validator, FieldCatalogue catalogue,
			Map<CanonicalSchema, JsonNode> sources) {
		this.types = types;
		this.validator = validator;
		this.catalogue = catalogue;
		this.minimiser = new Minimiser(catalogue);
		this.sources = sources;
	}

	/**
	 * Reads, checks and compiles every shipped schema.
	 * @return the registry
	 * @throws nl.ketenpoort.schemas.fields.SchemaAnnotationInvalid when a schema's field
	 * annotations break the rules
	 */
	public static DocumentSchemas load() {
		return load(DocumentSchemas.class.getClassLoader(), DocumentTypes.shipped());
	}

	/**
	 * Reads, checks and compiles every schema a class loader sees under {@code schemas/},
	 * with the document types they declare: a new document type is a schema file, no
	 * code.
	 * @param loader where the schema files are
	 * @return the registry
	 */
	public static DocumentSchemas load(ClassLoader loader) {
		return load(loader, DocumentTypes.load(loader));
	}

	private static DocumentSchemas load(ClassLoader loader, DocumentTypes types) {
		long start = System.nanoTime();
		Map<CanonicalSchema, JsonNode> sources = Collections
			.unmodifiableMap(new LinkedHashMap<>(SchemaResources.readAll(loader, types)));
		DocumentSchemas schemas = new DocumentSchemas(types, DocumentValidator.create(sources),
				FieldCatalogue.load(sources), sources);
		logger.info("Loaded {} schemas ({}) in {} ms", sources.size(), sources.keySet(),
				(System.nanoTime() - start) / 1_000_000);
		return schemas;
	}

	/**
	 * The document types this registry knows, in declared order.
	 * @return the document types
	 */
	public DocumentTypes documentTypes() {
		return this.types;
	}

	/**
	 * The versioned {@code $id} of a schema, e.g.
	 * {@code https://ketenpoort.nl/schemas/client-profile/1.0.0}.
	 * @param schema the schema
	 * @return its identifier
	 */
	public URI id(CanonicalSchema schema) {
		return URI.create(this.sources.get(schema).get("$id").asString());
	}

	/**
	 * The schema document itself, as a copy the caller may change.
	 * @param schema the schema
	 * @return the JSON Schema
	 */
	public JsonNode schema(CanonicalSchema schema) {
		return this.sources.get(schema).deepCopy();
	}

	/**
	 * Validates a parsed document.
	 * @param schema the schema to validate against
	 * @param document the document
	 * @return the violations, empty when valid; messages never contain document values
	 */
	public List<Violation> validate(CanonicalSchema schema, JsonNode document) {
		return this.validator.validate(schema, document);
	}

	/**
	 * Parses and validates a document.
	 * @param schema the schema to validate against
	 * @param json the document text
	 * @return the violations, empty when valid; messages never contain document values
	 * @throws UnreadableDocument when the text is not well-formed JSON
	 */
	public List<Violation> validate(CanonicalSchema schema, String json) {
		return this.validator.validate(schema, json);
	}

	/**
	 * A deep copy of the document holding only the allowed categories and field paths;
	 * special category fields only when their category is named.
	 * @param type the document type
	 * @param document the document (not changed)
	 * @param allowedFieldsOrCategories category codes (e.g. {@code education}) and field
	 * paths (e.g. {@code practical.digid})
	 * @return the minimised copy
	 * @throws UnknownFieldOrCategory when an entry is neither a category nor a field
	 */
	public ObjectNode minimise(DocumentType type, JsonNode document, Set<String> allowedFieldsOrCategories) {
		return this.minimiser.minimise(type, document, allowedFieldsOrCategories);
	}

	/**
	 * The allowed-field entries that are neither a category code nor a field path of the
	 * type; check purpose field lists with it when they load.
	 * @param type the document type
	 * @param allowedFieldsOrCategories category codes and field paths
	 * @return the unknown entries, sorted; empty when all are known
	 */
	public List<String> unknownEntries(DocumentType type, Set<String> allowedFieldsOrCategories) {
		return this.minimiser.unknownEntries(type, allowedFieldsOrCategories);
	}

	/**
	 * The fields a schema defines, with category and Art. 9 flag.
	 * @param schema the schema
	 * @return its fields, depth first in schema order
	 */
	public List<Field> fields(CanonicalSchema schema) {
		return this.catalogue.fields(schema);
	}

	/**
	 * The field paths present in a document, for the audit log.
	 * @param document the document
	 * @return sorted distinct field paths
	 */
	public List<String> fieldNames(JsonNode document) {
		return FieldNames.of(document);
	}

	/**
	 * The underlying validator.
	 * @return the validator
	 */
	public DocumentValidator validator() {
		return this.validator;
	}

	/**
	 * The underlying field catalogue.
	 * @return the catalogue
	 */
	public FieldCatalogue catalogue() {
		return this.catalogue;
	}

}
