package nl.ketenpoort.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the shipped JSON Schema files from the classpath.
 */
public final class SchemaResources {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SchemaResources() {
	}

	/**
	 * Reads the schema of the given type as a JSON tree.
	 * @param schema the schema to read
	 * @return the parsed schema document
	 */
	public static JsonNode read(CanonicalSchema schema) {
		ClassLoader loader = SchemaResources.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(schema.schemaResource())) {
			if (in == null) {
				throw new IllegalStateException(
						"Schema resource " + schema.schemaResource() + " is not on the classpath");
			}
			return MAPPER.readTree(in);
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
		List<CanonicalSchema> all = new ArrayList<>(List.of(DocumentType.values()));
		all.addAll(List.of(SupportingSchema.values()));
		return List.copyOf(all);
	}

}
