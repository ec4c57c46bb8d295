package nl.ketenpoort.schemas.registry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.DocumentTypes;
import nl.ketenpoort.schemas.SupportingSchema;
import nl.ketenpoort.schemas.reference.DocumentTypesReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of {@code docs/extending.md}: a document type is one schema file.
 * The test puts {@code src/test/resources/extension/} (a schema and an example, no Java)
 * in front of the class path, as a deployment would add a file to
 * {@code schemas/src/main/resources/schemas/}.
 */
class NewDocumentTypeTests {

	private static final Path EXTENSION = Path.of("src/test/resources/extension");

	@Test
	void aSchemaFileWithTheMarkerIsADocumentTypeThatValidates() throws IOException {
		// given the shipped schemas plus one new schema file
		try (URLClassLoader loader = new URLClassLoader(new URL[] { EXTENSION.toUri().toURL() },
				getClass().getClassLoader())) {
			// when
			DocumentSchemas schemas = DocumentSchemas.load(loader);
			// then: it is a document type, after the shipped ones, with its titles
			DocumentTypes types = schemas.documentTypes();
			DocumentType intake = types.find("intake-report").orElseThrow();
			assertThat(types.all()).containsExactly(DocumentType.of("client-profile"),
					DocumentType.of("nt2-learner-profile"), DocumentType.of("opstartklas-report"),
					DocumentType.of("trajectory-plan"), DocumentType.of("handover-notice"), intake);
			assertThat(types.title(intake, "en")).isEqualTo("intake report");
			assertThat(types.title(intake, "xx")).isEqualTo("intakeverslag");
			// and its example validates, a broken one does not
			String example = Files
				.readString(EXTENSION.resolve("examples/intake-report/valid/amira-al-khatib-syria.json"));
			assertThat(schemas.validate(intake, example)).isEmpty();
			assertThat(schemas.validate(intake, "{\"subject\": {\"vNumber\": \"12\"}}")).isNotEmpty();
			// and its fields have categories, its status holder is found
			assertThat(schemas.catalogue().subjectIdentifiers(intake)).hasSize(2);
			assertThat(schemas.unknownEntries(intake, java.util.Set.of("identity", "case-notes"))).isEmpty();
			// and the schemas that list document types list it too
			assertThat(codes(schemas.schema(SupportingSchema.CONSENT_STATEMENT).at("/properties/documents/items/enum")))
				.endsWith("intake-report");
			assertThat(codes(schemas.schema(SupportingSchema.AUDIT_EVENT).at("/properties/documentType/enum")))
				.endsWith("intake-report");
			// and the generated reference has a section for it
			assertThat(new DocumentTypesReference(schemas).render()).contains("### Intake report (`intake-report`)");
		}
	}

	@Test
	void theShippedRegistryDoesNotSeeTheExtension() {
		// given / when
		DocumentSchemas shipped = DocumentSchemas.load();
		// then
		assertThat(shipped.documentTypes().find("intake-report")).isEmpty();
		assertThat(DocumentType.fromCode("intake-report")).isEmpty();
	}

	private static List<String> codes(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
