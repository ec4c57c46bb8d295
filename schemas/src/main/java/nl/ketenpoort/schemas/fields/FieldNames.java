package nl.ketenpoort.schemas.fields;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Lists the field paths present in a document, which is what the audit log records
 * instead of the content.
 */
public final class FieldNames {

	private FieldNames() {
	}

	/**
	 * The distinct field paths of a document, sorted: property names joined with dots,
	 * array items transparent, so {@code [{"languages":[{"level":"A1"}]}]} gives
	 * {@code languages} and {@code languages.level}.
	 * @param document any JSON document
	 * @return the sorted, distinct field paths
	 */
	public static List<String> of(JsonNode document) {
		SortedSet<String> names = new TreeSet<>();
		collect(document, "", names);
		return List.copyOf(names);
	}

	private static void collect(JsonNode node, String prefix, SortedSet<String> names) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
				names.add(path);
				collect(property.getValue(), path, names);
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node.values()) {
				collect(item, prefix, names);
			}
		}
	}

}
