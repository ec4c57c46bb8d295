package nl.ketenpoort.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change to a valid JSON document that makes it invalid in a way a broken or hostile
 * client would: a member removed or null, a value of the wrong type, a huge string, an
 * extra member, deep nesting, odd characters, another identifier, an extreme number. The
 * target is chosen by index among the document's values, so jqwik shrinks a failure to
 * the simplest kind at the first value.
 */
record Mutation(Kind kind, int target, int variant) {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** Stands for a nesting too deep to build as a tree; spliced in as text. */
	static final String DEEP = "\u0000deep-nesting\u0000";

	enum Kind {

		REMOVE, NULL, WRONG_TYPE, HUGE_STRING, EXTRA_MEMBER, DEEP_NESTING, ODD_TEXT, OTHER_IDENTIFIER, EXTREME_NUMBER

	}

	static Arbitrary<Mutation> any() {
		return Combinators
			.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 10_000),
					Arbitraries.integers().between(0, 1_000))
			.as(Mutation::new);
	}

	/** The document with these mutations applied, as the text to send. */
	static String apply(JsonNode document, List<Mutation> mutations, int nestingDepth) {
		JsonNode copy = document.deepCopy();
		for (Mutation mutation : mutations) {
			copy = mutation.applyTo(copy);
		}
		String text = copy.toString();
		String deep = "[".repeat(nestingDepth) + "]".repeat(nestingDepth);
		return text.replace("\"" + DEEP.replace("\u0000", "\\u0000") + "\"", deep);
	}

	/**
	 * Applies this mutation to the tree and answers the (possibly replaced) root.
	 */
	JsonNode applyTo(JsonNode root) {
		List<JsonPointer> pointers = new ArrayList<>();
		collect(root, JsonPointer.empty(), pointers);
		JsonPointer pointer = pointers.get(this.target % pointers.size());
		JsonNode current = root.at(pointer);
		if (this.kind == Kind.EXTRA_MEMBER) {
			ObjectNode object = (current instanceof ObjectNode found) ? found
					: (!pointer.matches() && root.at(pointer.head()) instanceof ObjectNode parent) ? parent : null;
			if (object != null) {
				object.set("unexpected" + this.variant, (this.variant % 2 == 0) ? replacement(Kind.ODD_TEXT, current)
						: nodes.objectNode().set("nested", nodes.arrayNode().add(this.variant)));
			}
			return root;
		}
		if (pointer.matches()) {
			// The root itself: only replacement makes sense.
			return (this.kind == Kind.REMOVE) ? nodes.objectNode() : replacement(current);
		}
		JsonNode parent = root.at(pointer.head());
		String last = pointer.last().getMatchingProperty();
		if (parent instanceof ObjectNode object) {
			if (this.kind == Kind.REMOVE) {
				object.remove(last);
			}
			else {
				object.set(last, replacement(current));
			}
		}
		else if (parent instanceof ArrayNode array) {
			int index = pointer.last().getMatchingIndex();
			if (this.kind == Kind.REMOVE) {
				array.remove(index);
			}
			else {
				array.set(index, replacement(current));
			}
		}
		return root;
	}

	private JsonNode replacement(JsonNode current) {
		return replacement(this.kind, current);
	}

	private JsonNode replacement(Kind kind, JsonNode current) {
		return switch (kind) {
			case NULL, REMOVE -> nodes.nullNode();
			case WRONG_TYPE -> {
				if (current.isString()) {
					yield (this.variant % 2 == 0) ? nodes.numberNode(this.variant) : nodes.booleanNode(true);
				}
				if (current.isObject()) {
					yield (this.variant % 2 == 0) ? nodes.stringNode("object") : nodes.arrayNode().add(1);
				}
				if (current.isArray()) {
					yield nodes.objectNode().put("0", "item");
				}
				yield nodes.stringNode(current.toString());
			}
			case HUGE_STRING -> nodes.stringNode("y".repeat(30_000 + this.variant));
			case DEEP_NESTING -> nodes.stringNode(DEEP);
			case ODD_TEXT -> nodes.stringNode(FuzzValues.MUTATED.get(this.variant % FuzzValues.MUTATED.size()));
			case OTHER_IDENTIFIER -> nodes.stringNode(switch (this.variant % 5) {
				case 0 -> String.valueOf(1_000_000_000L + this.variant * 7_919L);
				case 1 -> "V " + (123_456 + this.variant);
				case 2 -> "123456789";
				case 3 -> "V-" + (1_000_000_000L + this.variant);
				default -> "12345";
			});
			case EXTREME_NUMBER -> switch (this.variant % 5) {
				case 0 -> nodes.numberNode(-1);
				case 1 -> nodes.numberNode(Long.MAX_VALUE);
				case 2 -> nodes.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
				case 3 -> nodes.numberNode(1e308);
				default -> nodes.numberNode(-0.5);
			};
			case EXTRA_MEMBER -> current;
		};
	}

	private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> pointers) {
		pointers.add(at);
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				collect(member.getValue(), at.appendProperty(member.getKey()), pointers);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), at.appendIndex(i), pointers);
			}
		}
	}

}
