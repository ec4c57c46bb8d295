package nl.ketenpoort.gateway.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.StringArbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents that match a canonical JSON Schema of {@code schemas/}, generated from the
 * schema itself (objects, arrays, enums, formats, patterns, bounds), so a new member or
 * document type is covered without touching the suite. A keyword or pattern the generator
 * does not know fails loudly rather than producing documents that are silently invalid;
 * the suite also validates every generated document before it relies on it being valid.
 */
final class SchemaDocuments {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** Keywords that constrain values and that this generator understands. */
	private static final Set<String> KNOWN = Set.of("type", "properties", "required", "additionalProperties", "items",
			"enum", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
			"uniqueItems", "$ref", "anyOf", "$schema", "$id", "$defs", "title", "description", "examples", "$comment",
			"default", "x-category", "x-special-category", "x-subject-identifier", "x-document-type", "x-enum");

	private final JsonNode root;

	SchemaDocuments(JsonNode root) {
		this.root = root;
	}

	/** Valid documents of the schema. */
	Arbitrary<JsonNode> valid() {
		return value(this.root, 0);
	}

	private Arbitrary<JsonNode> value(JsonNode schema, int depth) {
		for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
			if (!KNOWN.contains(keyword.getKey())) {
				throw new IllegalStateException("The schema uses '" + keyword.getKey()
						+ "', which the security suite's document generator cannot satisfy yet: teach it.");
			}
		}
		if (schema.has("$ref")) {
			String pointer = schema.get("$ref").asString().substring(1);
			return value(this.root.at(pointer), depth);
		}
		if (schema.has("enum")) {
			List<JsonNode> values = new ArrayList<>();
			schema.get("enum").forEach(values::add);
			return Arbitraries.of(values);
		}
		return switch (schema.path("type").asString("")) {
			case "object" -> object(schema, depth);
			case "array" -> array(schema, depth);
			case "string" -> string(schema).map(nodes::stringNode);
			case "integer" -> Arbitraries.longs()
				.between(schema.path("minimum").asLong(0), schema.path("maximum").asLong(1_000))
				.map((number) -> (JsonNode) nodes.numberNode(number));
			case "number" -> Arbitraries.longs()
				.between(schema.path("minimum").asLong(0), schema.path("maximum").asLong(1_000))
				.map((number) -> (JsonNode) nodes.numberNode(number));
			case "boolean" -> Arbitraries.of(true, false).map(nodes::booleanNode);
			default -> throw new IllegalStateException("No generator for the schema " + schema);
		};
	}

	private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
		Set<String> required = new LinkedHashSet<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		// anyOf of required lists (at least one contact detail): the first choice is
		// always met.
		schema.path("anyOf").path(0).path("required").forEach((name) -> required.add(name.asString()));
		List<String> names = new ArrayList<>();
		List<Arbitrary<Optional<JsonNode>>> members = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			Arbitrary<JsonNode> member = value(property.getValue(), depth + 1);
			names.add(property.getKey());
			members.add(required.contains(property.getKey()) ? member.map(Optional::of) : member.optional(0.7));
		}
		return Combinators.combine(members).as((values) -> {
			ObjectNode object = nodes.objectNode();
			for (int i = 0; i < names.size(); i++) {
				int index = i;
				values.get(i).ifPresent((member) -> object.set(names.get(index), member));
			}
			return (JsonNode) object;
		});
	}

	private Arbitrary<JsonNode> array(JsonNode schema, int depth) {
		int min = schema.path("minItems").asInt(0);
		int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
		var items = value(schema.get("items"), depth + 1).list().ofMinSize(min).ofMaxSize(max);
		if (schema.path("uniqueItems").asBoolean(false)) {
			items = items.uniqueElements();
		}
		return items.map((values) -> {
			ArrayNode array = nodes.arrayNode();
			values.forEach(array::add);
			return array;
		});
	}

	private Arbitrary<String> string(JsonNode schema) {
		int min = schema.path("minLength").asInt(1);
		int max = Math.min(schema.path("maxLength").asInt(60), 60);
		if (schema.has("pattern")) {
			return pattern(schema.get("pattern").asString());
		}
		return switch (schema.path("format").asString("")) {
			case "date" -> Arbitraries.longs()
				.between(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay())
				.map((day) -> LocalDate.ofEpochDay(day).toString());
			case "date-time" -> Arbitraries.longs()
				.between(1_600_000_000L, 1_900_000_000L)
				.map((seconds) -> Instant.ofEpochSecond(seconds).toString());
			case "email" -> Arbitraries.strings()
				.withCharRange('a', 'z')
				.ofMinLength(1)
				.ofMaxLength(12)
				.map((local) -> local + "@example.org");
			case "uri" -> Arbitraries.strings()
				.withCharRange('a', 'z')
				.ofMinLength(1)
				.ofMaxLength(12)
				.map((path) -> "https://example.org/" + path);
			case "uuid" -> Arbitraries.longs().tuple2().map((bits) -> new UUID(bits.get1(), bits.get2()).toString());
			case "bsn" -> FuzzValues.bsns();
			case "" -> text().ofMinLength(min).ofMaxLength(Math.max(min, max));
			default -> throw new IllegalStateException("No generator for the string format " + schema.get("format"));
		};
	}

	/** Letters of the scripts the status holders' names come in, digits and spaces. */
	private static StringArbitrary text() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withCharRange('0', '9')
			.withCharRange('\u0621', '\u064a')
			.withCharRange('\u1200', '\u1248')
			.withChars(" -'éëçğış");
	}

	/** The patterns of the canonical schemas, each with a generator of its language. */
	private static Arbitrary<String> pattern(String pattern) {
		return switch (pattern) {
			case "^(?:0[1-9](?:[ -]?[0-9]){8}|\\+[1-9](?:[ ]?[0-9]){7,14})$" ->
				digits(8, 8).map((digits) -> "06" + digits);
			case "^(vnr|bsn)_[A-Za-z0-9_-]{43}$" -> Arbitraries.strings()
				.withCharRange('a', 'z')
				.withCharRange('0', '9')
				.ofLength(43)
				.map((tail) -> "vnr_" + tail);
			case "^[0-9]{10}$" -> FuzzValues.vNumbers();
			case "^[0-9a-f]{16,32}$" -> hex(16, 32);
			case "^[0-9a-f]{64}$" -> hex(64, 64);
			case "^[A-Z0-9_]{2,60}$" ->
				Arbitraries.strings().withCharRange('A', 'Z').withChars("_").ofMinLength(2).ofMaxLength(20);
			case "^[A-Z]{2}$" -> Arbitraries.of("SY", "ER", "AF", "TR", "CN", "NL");
			case "^[A-Za-z0-9-]{8,64}$" ->
				Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(8).ofMaxLength(40);
			case "^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$" -> Arbitraries.strings()
				.alpha()
				.ofMinLength(1)
				.ofMaxLength(8)
				.list()
				.ofMinSize(1)
				.ofMaxSize(3)
				.map((parts) -> String.join(".", parts));
			case "^[a-z0-9-]{2,40}$", "^[a-z0-9-]{2,80}$" ->
				Arbitraries.strings().withCharRange('a', 'z').withChars("-0123456789").ofMinLength(2).ofMaxLength(20);
			case "^[a-z]{2,3}$" -> Arbitraries.of("nl", "en", "ar", "ti", "fa", "tr", "prs");
			default -> throw new IllegalStateException(
					"No generator for the schema pattern " + pattern + ": add one to the security suite");
		};
	}

	private static Arbitrary<String> digits(int min, int max) {
		return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
	}

	private static Arbitrary<String> hex(int min, int max) {
		return Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(min).ofMaxLength(max);
	}

}
