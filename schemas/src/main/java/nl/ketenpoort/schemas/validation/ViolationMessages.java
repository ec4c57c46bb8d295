package nl.ketenpoort.schemas.validation;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

/**
 * Turns a validator error into a {@link Violation}. The validator's own messages quote
 * the offending value (for example the failing date), so messages are rebuilt from the
 * keyword and the schema alone.
 */
final class ViolationMessages {

	private ViolationMessages() {
	}

	static Violation toViolation(Error error) {
		String keyword = (error.getKeyword() != null) ? error.getKeyword() : "unknown";
		String pointer = error.getInstanceLocation().toString();
		String property = error.getProperty();
		if (property != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
				|| "dependentRequired".equals(keyword) || "unevaluatedProperties".equals(keyword))) {
			pointer = pointer + "/" + escape(property);
		}
		return new Violation(pointer, keyword, message(keyword, error));
	}

	private static String message(String keyword, Error error) {
		JsonNode rule = error.getSchemaNode();
		return switch (keyword) {
			case "required" -> "required property is missing";
			case "additionalProperties", "unevaluatedProperties" -> "property is not allowed by the schema";
			case "type" -> "must be of type " + text(rule);
			case "format" -> "is not a valid " + formatName(error);
			case "pattern" -> "does not match the pattern " + text(rule);
			case "enum" -> "is not one of the allowed values " + text(rule);
			case "const" -> "is not the required constant value";
			case "minLength" -> "must be at least " + text(rule) + " characters long";
			case "maxLength" -> "must be at most " + text(rule) + " characters long";
			case "minimum" -> "must be at least " + text(rule);
			case "maximum" -> "must be at most " + text(rule);
			case "exclusiveMinimum" -> "must be greater than " + text(rule);
			case "exclusiveMaximum" -> "must be less than " + text(rule);
			case "minItems" -> "must have at least " + text(rule) + " items";
			case "maxItems" -> "must have at most " + text(rule) + " items";
			case "uniqueItems" -> "must not contain duplicate items";
			case "anyOf" -> "must match at least one of the alternatives";
			case "oneOf" -> "must match exactly one of the alternatives";
			case "allOf" -> "must match all of the sub-schemas";
			case "not" -> "must not match the excluded sub-schema";
			case "minProperties", "maxProperties" ->
				"has the wrong number of properties (" + keyword + " " + text(rule) + ")";
			default -> "violates the '" + keyword + "' rule";
		};
	}

	private static String text(JsonNode rule) {
		if (rule == null) {
			return "";
		}
		return rule.isString() ? rule.asString() : rule.toString();
	}

	private static String formatName(Error error) {
		JsonNode rule = error.getSchemaNode();
		if (rule != null && rule.isString()) {
			return rule.asString();
		}
		return "value for its format";
	}

	private static String escape(String property) {
		return property.replace("~", "~0").replace("/", "~1");
	}

}
