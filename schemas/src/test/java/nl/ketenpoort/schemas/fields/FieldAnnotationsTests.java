package nl.ketenpoort.schemas.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.IdentifierKind;
import nl.ketenpoort.schemas.SchemaResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FieldAnnotationsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static List<CanonicalSchema> schemas() {
		return SchemaResources.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemas")
	void everyPropertyAnywhereHasAKnownCategoryAndAConsistentArticleNineFlag(CanonicalSchema schema) {
		// given every "properties" map in the schema, also those only reachable through
		// $defs
		JsonNode root = SchemaResources.read(schema);
		List<String> problems = new ArrayList<>();
		// when
		scan(root, "", problems);
		problems.addAll(FieldTreeReader.problems(root));
		// then
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemas")
	void everyObjectForbidsAdditionalPropertiesAndTheIdIsVersioned(CanonicalSchema schema) {
		// given
		JsonNode root = SchemaResources.read(schema);
		List<String> open = new ArrayList<>();
		// when
		objectsAllowingAdditionalProperties(root, "", open);
		// then
		assertThat(open).isEmpty();
		assertThat(root.get("$id").asString())
			.matches("https://ketenpoort\\.nl/schemas/" + schema.code() + "/[0-9]+\\.[0-9]+\\.[0-9]+");
		assertThat(root.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
	}

	@Test
	void aCategoryOutsideTheVocabularyIsRejected() {
		// given
		JsonNode schema = mapper.readTree("""
				{"type": "object", "properties": {"religion": {"type": "string", "x-category": "beliefs"}}}
				""");
		// when
		List<String> problems = FieldTreeReader.problems(schema);
		// then
		assertThat(problems).singleElement().asString().contains("unknown category 'beliefs'");
	}

	@Test
	void aPropertyWithoutCategoryIsRejected() {
		// given a nested property reached through a $ref without x-category
		JsonNode schema = mapper.readTree("""
				{"type": "object", "properties": {"subject": {"$ref": "#/$defs/s", "x-category": "identity"}},
				 "$defs": {"s": {"type": "object", "properties": {"vNumber": {"type": "string"}}}}}
				""");
		// when / then
		assertThatExceptionOfType(SchemaAnnotationInvalid.class)
			.isThrownBy(() -> FieldTreeReader.read("test", schema, false))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("subject.vNumber: no x-category"));
	}

	@Test
	void aDocumentTypeThatDeclaresNoSubjectIdentifierIsRefused() {
		// given a well-annotated schema in which no field says whose document it is
		JsonNode schema = mapper.readTree("""
				{"type": "object", "properties": {"subject": {"$ref": "#/$defs/s", "x-category": "identity"}},
				 "$defs": {"s": {"type": "object", "properties": {
				   "vNumber": {"type": "string", "x-category": "identity"}}}}}
				""");
		// when / then: as an exchanged document type it is refused, as a supporting
		// schema it is fine
		assertThatExceptionOfType(SchemaAnnotationInvalid.class)
			.isThrownBy(() -> FieldTreeReader.read("test", schema, true))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.asString()
				.startsWith("declares no x-subject-identifier"));
		assertThat(FieldTreeReader.read("test", schema, false)).containsKey("subject");
	}

	@Test
	void aSubjectIdentifierMustBeAKnownKindOnASingleString() {
		// given an unknown kind, an identifier inside a list and one on an object
		JsonNode schema = mapper.readTree(
				"""
						{"type": "object", "properties": {
						  "subject": {"type": "object", "x-category": "identity", "x-subject-identifier": "bsn",
						    "properties": {"vNumber": {"type": "string", "x-category": "identity", "x-subject-identifier": "passport"}}},
						  "children": {"type": "array", "x-category": "family", "items": {"type": "object", "properties": {
						    "bsn": {"type": "string", "x-category": "family", "x-subject-identifier": "bsn"}}}}}}
						""");
		// when
		List<String> problems = FieldTreeReader.problems(schema);
		// then
		assertThat(problems).containsExactlyInAnyOrder(
				"subject: x-subject-identifier must be a string field outside any list",
				"subject.vNumber: x-subject-identifier must be one of [v-number, bsn]",
				"children.bsn: x-subject-identifier must be a string field outside any list");
	}

	static List<DocumentType> documentTypes() {
		return DocumentType.all();
	}

	@ParameterizedTest
	@MethodSource("documentTypes")
	void everyDocumentTypeNamesItsStatusHolderOutsideAnyList(DocumentType type) {
		// when
		List<SubjectIdentifierField> identifiers = FieldCatalogue.load().subjectIdentifiers(type);
		// then: the V-number is required in every type, the BSN optional
		assertThat(identifiers).containsExactly(new SubjectIdentifierField("subject.vNumber", IdentifierKind.V_NUMBER),
				new SubjectIdentifierField("subject.bsn", IdentifierKind.BSN));
		assertThat(identifiers.get(0).pointer()).isEqualTo("/subject/vNumber");
	}

	@Test
	void specialCategoryMarkedInconsistentlyIsRejected() {
		// given health without the flag, work with the flag, and plain data inside Art. 9
		// data
		JsonNode schema = mapper.readTree("""
				{"type": "object", "properties": {
				  "health": {"type": "string", "x-category": "health"},
				  "work": {"type": "string", "x-category": "work", "x-special-category": true},
				  "wellbeing": {"type": "object", "x-category": "wellbeing", "x-special-category": true,
				    "properties": {"note": {"type": "string", "x-category": "case-notes"}}}}}
				""");
		// when
		List<String> problems = FieldTreeReader.problems(schema);
		// then
		assertThat(problems).hasSize(3)
			.anySatisfy((problem) -> assertThat(problem).startsWith("health: category 'health' is special"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("work: category 'work' is not special"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("wellbeing.note: a field inside special"));
	}

	@Test
	void theClientProfileShowsArticleNineHandling() {
		// given
		FieldCatalogue catalogue = FieldCatalogue.load();
		// when
		List<Field> special = catalogue.fields(DocumentType.of("client-profile"))
			.stream()
			.filter(Field::specialCategory)
			.toList();
		// then
		assertThat(special).extracting(Field::category).containsOnly(Category.HEALTH, Category.WELLBEING);
		assertThat(catalogue.field(DocumentType.of("client-profile"), "subject.bsn"))
			.hasValue(new Field("subject.bsn", Category.IDENTITY, false));
	}

	private static void scan(JsonNode node, String at, List<String> problems) {
		if (node.isObject()) {
			JsonNode properties = node.get("properties");
			if (properties != null && properties.isObject()) {
				for (Map.Entry<String, JsonNode> property : properties.properties()) {
					check(at + "/properties/" + property.getKey(), property.getValue(), problems);
				}
			}
			for (Map.Entry<String, JsonNode> child : node.properties()) {
				scan(child.getValue(), at + "/" + child.getKey(), problems);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				scan(node.get(i), at + "/" + i, problems);
			}
		}
	}

	private static void check(String at, JsonNode property, List<String> problems) {
		JsonNode code = property.get("x-category");
		if (code == null) {
			problems.add(at + ": no x-category");
			return;
		}
		Category category = Category.fromCode(code.asString()).orElse(null);
		if (category == null) {
			problems.add(at + ": unknown category " + code);
			return;
		}
		boolean flagged = property.path("x-special-category").asBoolean(false);
		if (flagged != category.isSpecial()) {
			problems.add(at + ": x-special-category disagrees with " + category);
		}
	}

	private static void objectsAllowingAdditionalProperties(JsonNode node, String at, List<String> open) {
		if (node.isObject()) {
			if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
				open.add(at);
			}
			else if (node.has("properties") && node.get("additionalProperties").booleanValue()) {
				open.add(at);
			}
			for (Map.Entry<String, JsonNode> child : node.properties()) {
				objectsAllowingAdditionalProperties(child.getValue(), at + "/" + child.getKey(), open);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				objectsAllowingAdditionalProperties(node.get(i), at + "/" + i, open);
			}
		}
	}

}
