package nl.ketenpoort.schemas;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaConsistencyTests {

	@Test
	void schemasThatNameDocumentTypesNameExactlyTheDocumentTypeConstants() {
		// given the places where a schema lists document type codes
		List<String> codes = DocumentType.all().stream().map(DocumentType::code).toList();
		// when
		List<List<String>> listed = List.of(
				strings(SchemaResources.read(DocumentType.of("handover-notice"))
					.at("/properties/document/properties/type/enum")),
				strings(SchemaResources.read(SupportingSchema.CONSENT_STATEMENT)
					.at("/properties/documents/items/enum")),
				strings(SchemaResources.read(SupportingSchema.AUDIT_EVENT).at("/properties/documentType/enum")));
		// then
		assertThat(listed).allSatisfy((enumeration) -> assertThat(enumeration).containsExactlyElementsOf(codes));
	}

	@Test
	void everySchemaResourceIsNamedAfterItsCode() {
		// given
		// when
		List<CanonicalSchema> all = SchemaResources.all();
		// then
		assertThat(all).allSatisfy((schema) -> assertThat(SchemaResources.read(schema).get("$id").asString())
			.startsWith("https://ketenpoort.nl/schemas/" + schema.code() + "/"));
		assertThat(DocumentType.of("client-profile")).isEqualTo(DocumentType.of("client-profile"));
	}

	@Test
	void anUnknownCodeIsANamedError() {
		// given
		String code = "passport-copy";
		// when / then
		assertThatExceptionOfType(UnknownDocumentType.class).isThrownBy(() -> DocumentType.of(code))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.valueStream().forEach((value) -> values.add(value.asString()));
		return values;
	}

}
