package nl.ketenpoort.schemas.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.IdentifierKind;

/**
 * Reads the field tree of one schema from its {@code properties}, following local
 * {@code $ref}s into {@code $defs} and array {@code items}, and collects every annotation
 * problem on the way.
 */
final class FieldTreeReader {

	private static final String CATEGORY = "x-category";

	private static final String SPECIAL = "x-special-category";

	private static final String SUBJECT_IDENTIFIER = "x-subject-identifier";

	private final JsonNode root;

	private final List<String> problems = new ArrayList<>();

	private FieldTreeReader(JsonNode root) {
		this.root = root;
	}

	/**
	 * Reads the tree, or fails with every problem found.
	 * @param schemaCode the schema's code, for the message
	 * @param schema the schema
	 * @param exchanged whether documents of this schema travel between partners: then it
	 * must declare at least one {@code x-subject-identifier}, or no exchange could be
	 * tied to its status holder
	 */
	static Map<String, FieldNode> read(String schemaCode, JsonNode schema, boolean exchanged) {
		FieldTreeReader reader = new FieldTreeReader(schema);
		Map<String, FieldNode> fields = reader.children(schema, "", false, false, 0);
		if (exchanged && !declaresSubjectIdentifier(fields)) {
			reader.problems.add("declares no " + SUBJECT_IDENTIFIER
					+ ": a document type must name the fields that identify its status holder");
		}
		if (!reader.problems.isEmpty()) {
			throw new SchemaAnnotationInvalid(schemaCode, reader.problems);
		}
		return fields;
	}

	/**
	 * The annotation problems of a schema, empty when it follows the rules.
	 */
	static List<String> problems(JsonNode schema) {
		FieldTreeReader reader = new FieldTreeReader(schema);
		reader.children(schema, "", false, false, 0);
		return List.copyOf(reader.problems);
	}

	private static boolean declaresSubjectIdentifier(Map<String, FieldNode> fields) {
		return fields.values()
			.stream()
			.anyMatch((node) -> node.subjectIdentifier() != null || declaresSubjectIdentifier(node.children()));
	}

	private Map<String, FieldNode> children(JsonNode schemaNode, String prefix, boolean insideSpecial,
			boolean insideArray, int depth) {
		if (depth > 32) {
			this.problems.add(prefix + ": nesting too deep (recursive $ref?)");
			return Map.of();
		}
		JsonNode resolved = resolve(schemaNode);
		JsonNode properties = resolved.get("properties");
		if (properties == null) {
			JsonNode items = resolved.get("items");
			return (items != null && items.isObject()) ? children(items, prefix, insideSpecial, insideArray, depth + 1)
					: Map.of();
		}
		Map<String, FieldNode> fields = new LinkedHashMap<>();
		JsonNode required = resolved.path("required");
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
			boolean isRequired = required.isArray()
					&& required.valueStream().anyMatch((name) -> name.asString().equals(property.getKey()));
			field(path, property.getValue(), isRequired, insideSpecial, insideArray, depth)
				.ifPresent((node) -> fields.put(property.getKey(), node));
		}
		return Collections.unmodifiableMap(fields);
	}

	private Optional<FieldNode> field(String path, JsonNode schemaNode, boolean required, boolean insideSpecial,
			boolean insideArray, int depth) {
		JsonNode categoryNode = schemaNode.get(CATEGORY);
		if (categoryNode == null || !categoryNode.isString()) {
			this.problems.add(path + ": no " + CATEGORY);
			return Optional.empty();
		}
		Optional<Category> category = Category.fromCode(categoryNode.asString());
		if (category.isEmpty()) {
			this.problems.add(path + ": unknown category '" + categoryNode.asString() + "'");
			return Optional.empty();
		}
		boolean special = category.get().isSpecial();
		JsonNode flag = schemaNode.get(SPECIAL);
		boolean flagged = flag != null && flag.isBoolean() && flag.booleanValue();
		if (flag != null && !flag.isBoolean()) {
			this.problems.add(path + ": " + SPECIAL + " must be a boolean");
		}
		else if (special && !flagged) {
			this.problems.add(path + ": category '" + category.get() + "' is special and needs " + SPECIAL + ": true");
		}
		else if (!special && flagged) {
			this.problems.add(path + ": category '" + category.get() + "' is not special but is marked " + SPECIAL);
		}
		if (insideSpecial && !special) {
			this.problems.add(path + ": a field inside special category data must be special category too");
		}
		JsonNode resolved = resolve(schemaNode);
		boolean array = "array".equals(resolved.path("type").asString(""));
		Map<String, FieldNode> nested = children(schemaNode, path, special || insideSpecial, insideArray || array,
				depth + 1);
		String description = schemaNode.path("description").asString(resolved.path("description").asString(""));
		IdentifierKind identifier = subjectIdentifier(path, schemaNode, resolved, insideArray || array);
		return Optional.of(new FieldNode(path, category.get(), special, array, required, typeLabel(resolved),
				description, identifier, nested));
	}

	/**
	 * The identifier kind a field declares; only a single string outside any list can
	 * name the one status holder a document is about.
	 */
	private @Nullable IdentifierKind subjectIdentifier(String path, JsonNode schemaNode, JsonNode resolved,
			boolean inArray) {
		JsonNode declared = schemaNode.get(SUBJECT_IDENTIFIER);
		if (declared == null) {
			return null;
		}
		Optional<IdentifierKind> kind = declared.isString() ? IdentifierKind.fromCode(declared.asString())
				: Optional.empty();
		if (kind.isEmpty()) {
			this.problems.add(path + ": " + SUBJECT_IDENTIFIER + " must be one of " + List.of(IdentifierKind.values()));
			return null;
		}
		if (inArray || !"string".equals(resolved.path("type").asString(""))) {
			this.problems.add(path + ": " + SUBJECT_IDENTIFIER + " must be a string field outside any list");
			return null;
		}
		return kind.get();
	}

	private String typeLabel(JsonNode resolved) {
		String type = resolved.path("type").asString("any");
		if ("array".equals(type)) {
			JsonNode items = resolved.path("items");
			return "list of " + (items.isObject() ? typeLabel(resolve(items)) : "any");
		}
		if (resolved.has("enum")) {
			List<String> values = new ArrayList<>();
			resolved.get("enum").valueStream().forEach((value) -> values.add(value.asString()));
			return "one of " + String.join(", ", values);
		}
		if (resolved.has("format")) {
			return resolved.get("format").asString();
		}
		if (resolved.has("pattern")) {
			return type + " matching `" + resolved.get("pattern").asString() + "`";
		}
		return type;
	}

	private JsonNode resolve(JsonNode schemaNode) {
		JsonNode node = schemaNode;
		for (int hops = 0; hops < 8; hops++) {
			JsonNode ref = node.get("$ref");
			if (ref == null || node.has("properties") || node.has("items")) {
				return node;
			}
			String target = ref.asString();
			if (!target.startsWith("#/")) {
				this.problems.add("only local $refs are supported, found '" + target + "'");
				return node;
			}
			JsonNode next = this.root.at(target.substring(1));
			if (next.isMissingNode()) {
				this.problems.add("$ref '" + target + "' points nowhere");
				return node;
			}
			node = next;
		}
		return node;
	}

}
