package nl.ketenpoort.adapters.mapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.mapping.NativeVocabulary.Codes;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Entry;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Flattened;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Listed;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Nested;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Scalar;

/**
 * Renames a JSON tree along a {@link NativeVocabulary}, in either direction.
 * <p>
 * Only what is present is renamed: absent (or {@code null}) properties stay absent, and a
 * property the vocabulary does not name is refused, because dropping it silently would
 * lose data and passing it on would leak fields the purpose did not allow.
 */
final class JsonRenaming {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonRenaming() {
	}

	static ObjectNode toNative(NativeVocabulary vocabulary, JsonNode canonical, String path) {
		ObjectNode object = requireObject(canonical, path);
		for (String name : object.propertyNames()) {
			if (vocabulary.byCanonical(name).isEmpty()) {
				throw new VocabularyMismatch(join(path, name), "has no native form");
			}
		}
		ObjectNode out = NODES.objectNode();
		for (Entry entry : vocabulary.entries()) {
			JsonNode value = object.get(entry.canonical());
			if (value == null || value.isNull()) {
				continue;
			}
			String at = join(path, entry.canonical());
			if (entry instanceof Scalar scalar) {
				out.set(scalar.nativeName(), scalar(value, scalar.codes(), true, at));
			}
			else if (entry instanceof Nested nested) {
				out.set(nested.nativeName(), toNative(nested.vocabulary(), value, at));
			}
			else if (entry instanceof Listed listed) {
				ArrayNode items = out.putArray(listed.nativeName());
				for (JsonNode item : requireArray(value, at)) {
					items.add((listed.items() != null) ? toNative(listed.items(), item, at)
							: scalar(item, listed.codes(), true, at));
				}
			}
			else if (entry instanceof Flattened flattened) {
				out.setAll(toNative(flattened.vocabulary(), value, at));
			}
		}
		return out;
	}

	static ObjectNode toCanonical(NativeVocabulary vocabulary, JsonNode nativeNode, String path) {
		ObjectNode object = requireObject(nativeNode, path);
		for (String name : object.propertyNames()) {
			if (vocabulary.byNative(name).isEmpty()) {
				throw new VocabularyMismatch(join(path, name), "is not a property of the format");
			}
		}
		ObjectNode out = NODES.objectNode();
		for (Entry entry : vocabulary.entries()) {
			if (entry instanceof Flattened flattened) {
				ObjectNode inner = NODES.objectNode();
				for (String name : flattened.nativeNames()) {
					JsonNode value = object.get(name);
					if (value != null && !value.isNull()) {
						inner.set(name, value);
					}
				}
				if (!inner.isEmpty()) {
					out.set(flattened.canonical(), toCanonical(flattened.vocabulary(), inner, path));
				}
				continue;
			}
			String nativeName = entry.nativeNames().iterator().next();
			JsonNode value = object.get(nativeName);
			if (value == null || value.isNull()) {
				continue;
			}
			String at = join(path, nativeName);
			if (entry instanceof Scalar scalar) {
				out.set(scalar.canonical(), scalar(value, scalar.codes(), false, at));
			}
			else if (entry instanceof Nested nested) {
				out.set(nested.canonical(), toCanonical(nested.vocabulary(), value, at));
			}
			else if (entry instanceof Listed listed) {
				ArrayNode items = out.putArray(listed.canonical());
				for (JsonNode item : requireArray(value, at)) {
					items.add((listed.items() != null) ? toCanonical(listed.items(), item, at)
							: scalar(item, listed.codes(), false, at));
				}
			}
		}
		return out;
	}

	private static JsonNode scalar(JsonNode value, Codes codes, boolean toNative, String at) {
		if (value.isContainer()) {
			throw new VocabularyMismatch(at, "expected a single value");
		}
		if (codes.isEmpty()) {
			return value;
		}
		if (!value.isString()) {
			throw new VocabularyMismatch(at, "expected a code");
		}
		String code = value.stringValue();
		return NODES.stringNode((toNative ? codes.toNative(code) : codes.toCanonical(code))
			.orElseThrow(() -> new VocabularyMismatch(at, "code is not in the code list")));
	}

	private static ObjectNode requireObject(JsonNode node, String at) {
		if (node instanceof ObjectNode object) {
			return object;
		}
		throw new VocabularyMismatch(at.isEmpty() ? "/" : at, "expected an object");
	}

	private static ArrayNode requireArray(JsonNode node, String at) {
		if (node instanceof ArrayNode array) {
			return array;
		}
		throw new VocabularyMismatch(at, "expected a list");
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
