package nl.ketenpoort.schemas.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.DocumentTypes;
import nl.ketenpoort.schemas.SchemaResources;

/**
 * Validates documents against the shipped schemas, each compiled once when the validator
 * is created; a validator is immutable and safe to share between threads.
 */
public final class DocumentValidator {

	private final Map<CanonicalSchema, Schema> compiled;

	private final JsonMapper mapper;

	private DocumentValidator(Map<CanonicalSchema, Schema> compiled, JsonMapper mapper) {
		this.compiled = compiled;
		this.mapper = mapper;
	}

	/**
	 * Compiles every shipped schema.
	 * @return a validator for all {@link SchemaResources#all() canonical schemas}
	 */
	public static DocumentValidator create() {
		return create(SchemaResources.readAll());
	}

	/**
	 * Compiles the given schemas.
	 * @param sources each schema with its source, as {@link SchemaResources#readAll}
	 * reads them
	 * @return a validator for these schemas
	 */
	public static DocumentValidator create(Map<CanonicalSchema, JsonNode> sources) {
		SchemaRegistry registry = SchemaRegistry.withDialect(dialect(), (builder) -> builder.schemaRegistryConfig(
				SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()));
		Map<CanonicalSchema, Schema> compiled = new LinkedHashMap<>();
		for (Map.Entry<CanonicalSchema, JsonNode> source : sources.entrySet()) {
			Schema schema = registry.getSchema(source.getValue());
			// compiled now so a broken schema fails at start-up and the first exchange
			// does not
			// pay for it
			schema.initializeValidators();
			compiled.put(source.getKey(), schema);
		}
		return new DocumentValidator(Collections.unmodifiableMap(compiled), JsonMapper.builder().build());
	}

	private static Dialect dialect() {
		return Dialect.builder(Dialects.getDraft202012())
			.format(new BsnFormat())
			.format(new FullDateFormat())
			.keyword(new AnnotationKeyword("x-category"))
			.keyword(new AnnotationKeyword("x-special-category"))
			.keyword(new AnnotationKeyword("x-subject-identifier"))
			.keyword(new AnnotationKeyword(DocumentTypes.MARKER))
			.build();
	}

	/**
	 * Validates a parsed document.
	 * @param type the schema to validate against
	 * @param document the document
	 * @return the violations, empty when the document is valid
	 */
	public List<Violation> validate(CanonicalSchema type, JsonNode document) {
		List<Error> errors = this.compiled.get(type).validate(document);
		if (errors.isEmpty()) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>(errors.size());
		for (Error error : errors) {
			violations.add(ViolationMessages.toViolation(error));
		}
		return List.copyOf(violations);
	}

	/**
	 * Parses and validates a document.
	 * @param type the schema to validate against
	 * @param json the document text
	 * @return the violations, empty when the document is valid
	 * @throws UnreadableDocument when the text is not well-formed JSON
	 */
	public List<Violation> validate(CanonicalSchema type, String json) {
		return validate(type, parse(json));
	}

	/**
	 * Parses a document without echoing its content in any error.
	 * @param json the document text
	 * @return the parsed document
	 * @throws UnreadableDocument when the text is not well-formed JSON
	 */
	public JsonNode parse(String json) {
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			throw new UnreadableDocument((location != null) ? location.getLineNr() : -1,
					(location != null) ? location.getColumnNr() : -1);
		}
	}

}
