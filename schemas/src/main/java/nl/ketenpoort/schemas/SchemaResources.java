package nl.ketenpoort.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the shipped JSON Schema files from the classpath.
 * <p>
 * A schema that lists document type codes says {@code "x-enum": "document-types"} instead
 * of repeating them; reading turns that into an {@code enum} of every declared type, so a
 * new document type is its own schema file and nothing else.
 */
public final class SchemaResources {

	/** The member that stands for an {@code enum} of all document type codes. */
	public static final String ENUM_MARKER = "x-enum";

	private static final String DOCUMENT_TYPES = "document-types";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SchemaResources() {
	}

	/**
	 * Reads the schema of the given type as a JSON tree.
	 * @param schema the schema to read
	 * @return the parsed schema document
	 */
	public static JsonNode read(CanonicalSchema schema) {
		return read(schema, SchemaResources.class.getClassLoader(), DocumentTypes.shipped());
	}

	/**
	 * Reads a schema through a class loader, with the document types it sees.
	 * @param schema the schema to read
	 * @param loader where the schema files are
	 * @param types the document types an {@code x-enum} of document types lists
	 * @return the parsed schema document
	 */
	public static JsonNode read(CanonicalSchema schema, ClassLoader loader, DocumentTypes types) {
		try (InputStream in = loader.getResourceAsStream(schema.schemaResource())) {
			if (in == null) {
				throw new IllegalStateException(
						"Schema resource " + schema.schemaResource() + " is not on the classpath");
			}
			JsonNode tree = MAPPER.readTree(in);
			expandDocumentTypes(tree, types);
			return tree;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Schema resource " + schema.schemaResource() + " is not valid JSON", ex);
		}
	}

	/**
	 * Every schema Ketenpoort ships: the document types first, then the supporting
	 * schemas.
	 * @return all canonical schemas
	 */
	public static List<CanonicalSchema> all() {
		return all(DocumentTypes.shipped());
	}

	/**
	 * These document types and the supporting schemas.
	 * @param types the document types
	 * @return all canonical schemas, document types first
	 */
	public static List<CanonicalSchema> all(DocumentTypes types) {
		List<CanonicalSchema> all = new ArrayList<>(types.all());
		all.addAll(List.of(SupportingSchema.values()));
		return List.copyOf(all);
	}

	/**
	 * Reads every schema a class loader sees.
	 * @param loader where the schema files are
	 * @param types the document types found through the same loader
	 * @return each schema with its source, document types first
	 */
	public static Map<CanonicalSchema, JsonNode> readAll(ClassLoader loader, DocumentTypes types) {
		Map<CanonicalSchema, JsonNode> sources = new LinkedHashMap<>();
		for (CanonicalSchema schema : all(types)) {
			sources.put(schema, read(schema, loader, types));
		}
		return sources;
	}

	/**
	 * The shipped schemas with their sources.
	 * @return each schema with its source, document types first
	 */
	public static Map<CanonicalSchema, JsonNode> readAll() {
		return readAll(SchemaResources.class.getClassLoader(), DocumentTypes.shipped());
	}

	private static void expandDocumentTypes(JsonNode node, DocumentTypes types) {
		if (node instanceof ObjectNode object) {
			JsonNode marker = object.get(ENUM_MARKER);
			if (marker != null && DOCUMENT_TYPES.equals(marker.asString())) {
				object.remove(ENUM_MARKER);
				ArrayNode codes = object.putArray("enum");
				types.all().forEach((type) -> codes.add(type.code()));
			}
		}
		for (JsonNode child : node.values()) {
			expandDocumentTypes(child, types);
		}
	}

}
