package nl.ketenpoort.schemas.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.SchemaResources;
import tools.jackson.databind.JsonNode;

/**
 * The fields of every shipped schema with their category and Art. 9 flag, read once from
 * the {@code x-category} annotations; immutable and safe to share between threads.
 */
public final class FieldCatalogue {

	private final Map<CanonicalSchema, Map<String, FieldNode>> trees;

	private final Map<CanonicalSchema, Map<String, FieldNode>> byPath;

	/** Read once: every exchange submission asks for its type's identifier fields. */
	private final Map<CanonicalSchema, List<SubjectIdentifierField>> subjectIdentifiers;

	private FieldCatalogue(Map<CanonicalSchema, Map<String, FieldNode>> trees) {
		this.trees = trees;
		Map<CanonicalSchema, Map<String, FieldNode>> index = new LinkedHashMap<>();
		trees.forEach((schema, tree) -> {
			Map<String, FieldNode> paths = new LinkedHashMap<>();
			flatten(tree, paths);
			index.put(schema, Collections.unmodifiableMap(paths));
		});
		this.byPath = Collections.unmodifiableMap(index);
		Map<CanonicalSchema, List<SubjectIdentifierField>> identifiers = new LinkedHashMap<>();
		index.forEach((schema, paths) -> identifiers.put(schema,
				paths.values()
					.stream()
					.filter((node) -> node.subjectIdentifier() != null)
					.map((node) -> new SubjectIdentifierField(node.path(), node.subjectIdentifier()))
					.toList()));
		this.subjectIdentifiers = Collections.unmodifiableMap(identifiers);
	}

	/**
	 * Reads the field annotations of every shipped schema.
	 * @return the catalogue
	 * @throws SchemaAnnotationInvalid when a schema's annotations break the rules
	 */
	public static FieldCatalogue load() {
		return load(SchemaResources.readAll());
	}

	/**
	 * Reads the field annotations of the given schemas.
	 * @param sources each schema with its source, as {@link SchemaResources#readAll}
	 * reads them
	 * @return the catalogue
	 * @throws SchemaAnnotationInvalid when a schema's annotations break the rules
	 */
	public static FieldCatalogue load(Map<CanonicalSchema, JsonNode> sources) {
		Map<CanonicalSchema, Map<String, FieldNode>> trees = new LinkedHashMap<>();
		sources.forEach((schema, source) -> trees.put(schema,
				FieldTreeReader.read(schema.code(), source, schema instanceof DocumentType)));
		return new FieldCatalogue(Collections.unmodifiableMap(trees));
	}

	/**
	 * Every field of a schema, depth first in schema order.
	 * @param schema the schema
	 * @return its fields
	 */
	public List<Field> fields(CanonicalSchema schema) {
		List<Field> fields = new ArrayList<>();
		for (FieldNode node : this.byPath.get(schema).values()) {
			fields.add(node.toField());
		}
		return List.copyOf(fields);
	}

	/**
	 * Every field of a schema with its type, whether it is required and its description,
	 * for documentation.
	 * @param schema the schema
	 * @return its fields, depth first in schema order
	 */
	public List<FieldDescription> describe(CanonicalSchema schema) {
		List<FieldDescription> fields = new ArrayList<>();
		for (FieldNode node : this.byPath.get(schema).values()) {
			fields.add(node.toDescription());
		}
		return List.copyOf(fields);
	}

	/**
	 * One field of a schema by its path.
	 * @param schema the schema
	 * @param path the field path, e.g. {@code practical.digid}
	 * @return the field, empty when the schema has no such field
	 */
	public Optional<Field> field(CanonicalSchema schema, String path) {
		return Optional.ofNullable(this.byPath.get(schema).get(path)).map(FieldNode::toField);
	}

	/**
	 * The fields of a document type that identify its status holder
	 * ({@code x-subject-identifier}); never empty, {@link #load()} refuses a type that
	 * declares none.
	 * @param type the document type
	 * @return the identifier fields in schema order
	 */
	public List<SubjectIdentifierField> subjectIdentifiers(DocumentType type) {
		return this.subjectIdentifiers.get(type);
	}

	Map<String, FieldNode> tree(CanonicalSchema schema) {
		return this.trees.get(schema);
	}

	private static void flatten(Map<String, FieldNode> tree, Map<String, FieldNode> into) {
		for (FieldNode node : tree.values()) {
			into.put(node.path(), node);
			flatten(node.children(), into);
		}
	}

}
