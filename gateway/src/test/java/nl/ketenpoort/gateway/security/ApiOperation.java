package nl.ketenpoort.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One operation of the gateway's OpenAPI document: method, path template, parameters and
 * the media types of its request body, as the live {@code /v3/api-docs} states them.
 */
record ApiOperation(String method, String path, List<Parameter> parameters, List<String> bodyMediaTypes) {

	/** {@code "POST /api/v1/exchanges"}: how the suite names and counts an operation. */
	String key() {
		return this.method + " " + this.path;
	}

	List<Parameter> in(String location) {
		return this.parameters.stream().filter((parameter) -> parameter.in().equals(location)).toList();
	}

	/**
	 * Whether a request of this method carries a body at all; the document lists a body
	 * only where Spring MVC binds one, but every POST is sent bodies too.
	 */
	boolean takesBody() {
		return !this.bodyMediaTypes.isEmpty() || this.method.equals("POST");
	}

	/**
	 * Every operation of the document, in its order, with its full path: the document's
	 * paths are relative to their server ({@code /api/v1}, or a path-level {@code /}).
	 */
	static List<ApiOperation> all(JsonNode document) {
		List<ApiOperation> operations = new ArrayList<>();
		String server = document.path("servers").path(0).path("url").asString("");
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			String base = path.getValue().path("servers").path(0).path("url").asString(server);
			String fullPath = base.replaceAll("/$", "") + path.getKey();
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				if (method.equals("PARAMETERS") || method.equals("SUMMARY") || method.equals("DESCRIPTION")
						|| method.equals("SERVERS")) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.getValue().path("parameters")) {
					JsonNode schema = parameter.path("schema");
					parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
							parameter.path("required").asBoolean(false), schema.path("type").asString("string"),
							schema.path("format").asString("")));
				}
				List<String> media = new ArrayList<>();
				operation.getValue()
					.path("requestBody")
					.path("content")
					.properties()
					.forEach((entry) -> media.add(entry.getKey()));
				operations.add(new ApiOperation(method, fullPath, List.copyOf(parameters), List.copyOf(media)));
			}
		}
		return List.copyOf(operations);
	}

	/**
	 * A parameter: name, where it goes ({@code path}, {@code query}, {@code header}), its
	 * shape.
	 */
	record Parameter(String name, String in, boolean required, String type, String format) {

	}

}
