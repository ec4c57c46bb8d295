package nl.ketenpoort.schemas.fields;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;

/**
 * Keeps only the allowed part of a document, driven by the schema's field categories.
 * <p>
 * An allowed entry is a category code or a field path; a field it names is kept with
 * everything inside it. Special category data (GDPR Art. 9) is kept only when its
 * category is named explicitly: naming a path, or a field that contains it, is not
 * enough. Properties the schema does not define are always dropped. Objects and arrays
 * that only lead to an allowed field are kept with just that field inside; array items
 * left empty by that are dropped.
 */
public final class Minimiser {

	private final FieldCatalogue catalogue;

	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	public Minimiser(FieldCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * A deep copy of the document that holds only what is allowed.
	 * @param type the document's type
	 * @param document the document (not changed)
	 * @param allowed category codes and field paths
	 * @return the minimised copy
	 * @throws UnknownFieldOrCategory when an entry is neither a category nor a field of
	 * the type
	 */
	public ObjectNode minimise(DocumentType type, JsonNode document, Set<String> allowed) {
		Allowed rules = rules(type, allowed);
		ObjectNode result = this.nodes.objectNode();
		if (document.isObject()) {
			copyObject(document, this.catalogue.tree(type), false, rules, result);
		}
		return result;
	}

	/**
	 * The entries that are neither a category code nor a field path of the type, so a
	 * purpose catalogue can be checked when it loads rather than at the first exchange.
	 * @param type the document type
	 * @param allowed category codes and field paths
	 * @return the unknown entries, sorted; empty when all are known
	 */
	public List<String> unknownEntries(DocumentType type, Set<String> allowed) {
		return allowed.stream()
			.filter((entry) -> Category.fromCode(entry).isEmpty() && this.catalogue.field(type, entry).isEmpty())
			.sorted()
			.toList();
	}

	private Allowed rules(DocumentType type, Set<String> allowed) {
		Set<Category> categories = new HashSet<>();
		Set<String> paths = new HashSet<>();
		for (String entry : allowed) {
			boolean known = false;
			var category = Category.fromCode(entry);
			if (category.isPresent()) {
				categories.add(category.get());
				known = true;
			}
			if (this.catalogue.field(type, entry).isPresent()) {
				paths.add(entry);
				known = true;
			}
			if (!known) {
				throw new UnknownFieldOrCategory(type.code(), entry);
			}
		}
		return new Allowed(categories, paths);
	}

	private void copyObject(JsonNode source, Map<String, FieldNode> fields, boolean inherited, Allowed rules,
			ObjectNode target) {
		for (Map.Entry<String, JsonNode> property : source.properties()) {
			FieldNode field = fields.get(property.getKey());
			if (field != null) {
				JsonNode kept = copy(property.getValue(), field, inherited, rules);
				if (kept != null) {
					target.set(property.getKey(), kept);
				}
			}
		}
	}

	private JsonNode copy(JsonNode value, FieldNode field, boolean inherited, Allowed rules) {
		boolean allowedHere = rules.allows(field, inherited);
		if (!field.hasChildren()) {
			return allowedHere ? value.deepCopy() : null;
		}
		if (value.isObject()) {
			ObjectNode kept = this.nodes.objectNode();
			copyObject(value, field.children(), allowedHere, rules, kept);
			return (allowedHere || !kept.isEmpty()) ? kept : null;
		}
		if (value.isArray()) {
			ArrayNode kept = this.nodes.arrayNode();
			for (JsonNode item : value.values()) {
				JsonNode keptItem = copyItem(item, field, allowedHere, rules);
				if (keptItem != null) {
					kept.add(keptItem);
				}
			}
			return (allowedHere || !kept.isEmpty()) ? kept : null;
		}
		return allowedHere ? value.deepCopy() : null;
	}

	private JsonNode copyItem(JsonNode item, FieldNode field, boolean allowedHere, Allowed rules) {
		if (!item.isObject()) {
			return allowedHere ? item.deepCopy() : null;
		}
		ObjectNode kept = this.nodes.objectNode();
		copyObject(item, field.children(), allowedHere, rules, kept);
		return (allowedHere || !kept.isEmpty()) ? kept : null;
	}

	private record Allowed(Set<Category> categories, Set<String> paths) {

		boolean allows(FieldNode field, boolean inherited) {
			if (field.special()) {
				return this.categories.contains(field.category());
			}
			return inherited || this.categories.contains(field.category()) || this.paths.contains(field.path());
		}

	}

}
