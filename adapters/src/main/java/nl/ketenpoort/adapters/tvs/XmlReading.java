package nl.ketenpoort.adapters.tvs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.mapping.NativeVocabulary;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Codes;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Entry;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Flattened;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Listed;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Nested;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Scalar;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

/**
 * Reads TVS elements into a canonical object; XML has only text, so each value takes the
 * JSON type the canonical schema gives its property (integer, number, boolean, string).
 */
final class XmlReading {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DocumentSchemas schemas;

	private final Map<DocumentType, JsonNode> schemaDocuments = new ConcurrentHashMap<>();

	XmlReading(DocumentSchemas schemas) {
		this.schemas = schemas;
	}

	ObjectNode read(Element root, NativeVocabulary vocabulary, DocumentType type) {
		JsonNode schema = this.schemaDocuments.computeIfAbsent(type, this.schemas::schema);
		return new Walk(schema).object(root, vocabulary, schema, true, root.getLocalName());
	}

	private static final class Walk {

		private final JsonNode schema;

		Walk(JsonNode schema) {
			this.schema = schema;
		}

		ObjectNode object(Element element, NativeVocabulary vocabulary, JsonNode objectSchema, boolean strict,
				String path) {
			List<Element> children = children(element);
			if (strict) {
				for (Element child : children) {
					if (vocabulary.byNative(child.getLocalName()).isEmpty()) {
						throw new NativeDocumentInvalid(TvsExportFormat.PARTNER, path + "/" + child.getLocalName(),
								"is not an element of the export");
					}
				}
			}
			ObjectNode out = NODES.objectNode();
			for (Entry entry : vocabulary.entries()) {
				JsonNode property = property(objectSchema, entry.canonical());
				if (entry instanceof Flattened flattened) {
					ObjectNode inner = object(element, flattened.vocabulary(), property, false, path);
					if (!inner.isEmpty()) {
						out.set(flattened.canonical(), inner);
					}
					continue;
				}
				String nativeName = entry.nativeNames().iterator().next();
				Element child = children.stream()
					.filter((candidate) -> candidate.getLocalName().equals(nativeName))
					.findFirst()
					.orElse(null);
				if (child == null) {
					continue;
				}
				String at = path + "/" + nativeName;
				if (entry instanceof Scalar scalar) {
					out.set(scalar.canonical(), value(child, property, scalar.codes(), at));
				}
				else if (entry instanceof Nested nested) {
					out.set(nested.canonical(), object(child, nested.vocabulary(), property, true, at));
				}
				else if (entry instanceof Listed listed) {
					ArrayNode items = out.putArray(listed.canonical());
					JsonNode itemSchema = resolve(property.path("items"));
					for (Element item : children(child)) {
						String itemAt = at + "/" + listed.itemName();
						if (!item.getLocalName().equals(listed.itemName())) {
							throw new NativeDocumentInvalid(TvsExportFormat.PARTNER, itemAt, "unexpected element");
						}
						items.add((listed.items() != null) ? object(item, listed.items(), itemSchema, true, itemAt)
								: value(item, itemSchema, listed.codes(), itemAt));
					}
				}
			}
			return out;
		}

		private JsonNode value(Element element, JsonNode propertySchema, Codes codes, String at) {
			String text = element.getTextContent();
			String type = propertySchema.path("type").asString("string");
			try {
				return switch (type) {
					case "integer" -> integer(new BigInteger(text.trim()));
					case "number" -> number(new BigDecimal(text.trim()));
					case "boolean" -> NODES.booleanNode("true".equals(text.trim()) || "1".equals(text.trim()));
					default -> NODES.stringNode(codes.toCanonical(text)
						.orElseThrow(() -> new NativeDocumentInvalid(TvsExportFormat.PARTNER, at,
								"code is not in the code list")));
				};
			}
			catch (NumberFormatException ex) {
				throw new NativeDocumentInvalid(TvsExportFormat.PARTNER, at, "expected a number");
			}
		}

		private static JsonNode integer(BigInteger value) {
			if (value.bitLength() < 32) {
				return NODES.numberNode(value.intValue());
			}
			return (value.bitLength() < 64) ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
		}

		// Read numbers as a JSON parser would: without a fraction an integer, else a
		// double.
		private static JsonNode number(BigDecimal value) {
			if (value.scale() <= 0) {
				return integer(value.toBigIntegerExact());
			}
			return NODES.numberNode(value.doubleValue());
		}

		private JsonNode property(JsonNode objectSchema, String name) {
			return resolve(resolve(objectSchema).path("properties").path(name));
		}

		private JsonNode resolve(JsonNode node) {
			JsonNode current = node;
			for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
				String reference = current.get("$ref").asString();
				current = reference.startsWith("#/$defs/")
						? this.schema.path("$defs").path(reference.substring("#/$defs/".length()))
						: MissingNode.getInstance();
			}
			return current;
		}

		private static List<Element> children(Element element) {
			List<Element> children = new ArrayList<>();
			for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element child) {
					children.add(child);
				}
			}
			return children;
		}

	}

}
