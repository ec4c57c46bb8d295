package nl.ketenpoort.gateway.system.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import nl.ketenpoort.schemas.DocumentType;

/**
 * The request schema of {@code POST /exchanges}, generated from the canonical JSON
 * Schemas that the gateway validates against: one variant per document type,
 * {@code oneOf} by {@code documentType}, each with its document's own schema. A schema's
 * {@code $defs} become components of their own (the document model has no place for
 * them), its {@code #/$defs/…} references point there.
 */
final class SubmissionSchemas {

	static final String SUBMISSION = "ExchangeSubmission";

	static final String SUBMISSION_REF = "#/components/schemas/" + SUBMISSION;

	private static final String COMPONENTS = "#/components/schemas/";

	private SubmissionSchemas() {
	}

	static void addTo(Components components) {
		List<Object> variants = new ArrayList<>();
		Map<String, Object> mapping = new LinkedHashMap<>();
		for (DocumentType type : DocumentType.all()) {
			String name = pascal(type.code());
			Map<String, Object> document = read(type.schemaResource());
			document.remove("$schema");
			document.remove("$id");
			Object defs = document.remove("$defs");
			if (defs instanceof Map<?, ?> definitions) {
				definitions.forEach((key, definition) -> components.addSchemas(name + "Document" + pascal((String) key),
						schema(rewrite(definition, name))));
			}
			components.addSchemas(name + "Document", schema(rewrite(document, name)));
			Map<String, Object> variant = new LinkedHashMap<>();
			variant.put("type", "object");
			variant.put("description", "A " + type.title("en") + " for a purpose and a recipient");
			variant.put("required", List.of("documentType", "purpose", "recipient", "subject", "document"));
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("documentType", Map.of("type", "string", "const", type.code()));
			properties.put("purpose", Map.of("type", "string", "description", "A purpose code of the catalogue"));
			properties.put("recipient", Map.of("type", "string", "description", "The receiving partner's id"));
			properties.put("subject", Map.of("$ref", COMPONENTS + "ExchangeSubject"));
			properties.put("document", Map.of("$ref", COMPONENTS + name + "Document"));
			variant.put("properties", properties);
			components.addSchemas(name + "Submission", schema(variant));
			variants.add(Map.of("$ref", COMPONENTS + name + "Submission"));
			mapping.put(type.code(), COMPONENTS + name + "Submission");
		}
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", "object");
		subject.put("description", "The status holder the document is about, whose consent is checked; every"
				+ " identifier the document carries must be here too (SUBJECT_MISMATCH otherwise)");
		subject.put("properties", Map.of("vNumber", Map.of("type", "string", "description", "V-number"), "bsn",
				Map.of("type", "string", "description", "BSN (eleven-test)")));
		components.addSchemas("ExchangeSubject", schema(subject));
		Map<String, Object> submission = new LinkedHashMap<>();
		submission.put("description", "A submission: one variant per document type, chosen by documentType");
		submission.put("oneOf", variants);
		submission.put("discriminator", Map.of("propertyName", "documentType", "mapping", mapping));
		components.addSchemas(SUBMISSION, schema(submission));
	}

	@SuppressWarnings("unchecked")
	private static Object rewrite(Object node, String name) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((key, value) -> {
				if (key.equals("$ref") && value instanceof String ref && ref.startsWith("#/$defs/")) {
					copy.put(key, COMPONENTS + name + "Document" + pascal(ref.substring("#/$defs/".length())));
				}
				else {
					copy.put(key, rewrite(value, name));
				}
			});
			return copy;
		}
		if (node instanceof List<?> list) {
			return list.stream().map((item) -> rewrite(item, name)).toList();
		}
		return node;
	}

	private static Schema<?> schema(Object json) {
		return Json31.mapper().convertValue(json, Schema.class);
	}

	private static Map<String, Object> read(String resource) {
		try (InputStream in = SubmissionSchemas.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new FileNotFoundException("No canonical schema at " + resource);
			}
			return Json31.mapper().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code client-profile} → {@code ClientProfile}, {@code cefrLevel} →
	 * {@code CefrLevel}.
	 */
	static String pascal(String code) {
		StringBuilder name = new StringBuilder();
		for (String part : code.split("-")) {
			if (!part.isEmpty()) {
				name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
			}
		}
		return name.toString();
	}

}
