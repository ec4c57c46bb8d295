package nl.ketenpoort.schemas.fields;

import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.CanonicalSchema;

/**
 * Generates documents shaped like a schema's field tree (objects, arrays of objects,
 * leaves), with a random subset of fields present and leaf values from a supplier; the
 * values need not be valid, which is what the message tests want.
 */
public final class DocumentGenerator {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final FieldCatalogue catalogue;

	public DocumentGenerator(FieldCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	public ObjectNode generate(CanonicalSchema schema, Random random, Supplier<String> values) {
		ObjectNode document = object(this.catalogue.tree(schema), random, values);
		if (random.nextInt(5) == 0) {
			document.put("notInTheSchema", values.get());
		}
		return document;
	}

	private ObjectNode object(Map<String, FieldNode> fields, Random random, Supplier<String> values) {
		ObjectNode object = nodes.objectNode();
		for (FieldNode field : fields.values()) {
			if (random.nextInt(4) != 0) {
				object.set(lastName(field), value(field, random, values));
			}
		}
		return object;
	}

	private JsonNode value(FieldNode field, Random random, Supplier<String> values) {
		if (field.array()) {
			ArrayNode array = nodes.arrayNode();
			int size = random.nextInt(4);
			for (int i = 0; i < size; i++) {
				array.add(field.hasChildren() ? object(field.children(), random, values)
						: nodes.stringNode(values.get()));
			}
			return array;
		}
		return field.hasChildren() ? object(field.children(), random, values) : nodes.stringNode(values.get());
	}

	private static String lastName(FieldNode field) {
		return field.path().substring(field.path().lastIndexOf('.') + 1);
	}

}
