package nl.ketenpoort.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.Examples;
import nl.ketenpoort.schemas.SupportingSchema;
import nl.ketenpoort.schemas.fields.Field;
import nl.ketenpoort.schemas.validation.UnreadableDocument;
import nl.ketenpoort.schemas.validation.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentSchemasTests {

	private static final DocumentSchemas schemas = DocumentSchemas.load();

	@Test
	void everyDocumentTypeHasAVersionedId() {
		// given
		// when
		var ids = DocumentType.all().stream().map(schemas::id).toList();
		// then
		assertThat(ids).extracting(Object::toString)
			.containsExactly("https://ketenpoort.nl/schemas/client-profile/1.0.0",
					"https://ketenpoort.nl/schemas/nt2-learner-profile/1.0.0",
					"https://ketenpoort.nl/schemas/opstartklas-report/1.0.0",
					"https://ketenpoort.nl/schemas/trajectory-plan/1.0.0",
					"https://ketenpoort.nl/schemas/handover-notice/1.0.0");
		assertThat(schemas.id(SupportingSchema.CONSENT_STATEMENT))
			.hasToString("https://ketenpoort.nl/schemas/consent-statement/1.0.0");
	}

	@Test
	void listsFieldsWithCategoriesAndFieldNamesOfADocument() {
		// given
		JsonNode amira = Examples.document(DocumentType.of("client-profile"), "amira-al-khatib-syria.json");
		// when
		List<Field> fields = schemas.fields(DocumentType.of("client-profile"));
		List<String> names = schemas
			.fieldNames(schemas.minimise(DocumentType.of("client-profile"), amira, Set.of("identity")));
		// then
		assertThat(fields).contains(new Field("subject.vNumber", Category.IDENTITY, false),
				new Field("practical.digid", Category.PRACTICAL, false),
				new Field("wellbeing.mentalLoad", Category.WELLBEING, true));
		assertThat(names).containsExactly("birthDate", "countryOfOrigin", "name", "name.familyName", "name.givenNames",
				"subject", "subject.vNumber");
	}

	@Test
	void malformedJsonIsReportedWithoutItsText() {
		// given
		String json = "{\"name\": {\"givenNames\": \"Amira\" \"familyName\": \"Al-Khatib\"}}";
		// when / then
		assertThatExceptionOfType(UnreadableDocument.class)
			.isThrownBy(() -> schemas.validate(DocumentType.of("client-profile"), json))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Amira").doesNotContain("Al-Khatib"))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	@Test
	void oneRegistryValidatesFromManyThreads() throws Exception {
		// given
		String valid = Examples.valid()
			.filter((e) -> e.schema().equals(DocumentType.of("client-profile")))
			.findFirst()
			.get()
			.json();
		String invalid = Examples.invalid()
			.filter((e) -> e.name().equals("bsn-fails-11-check.json"))
			.findFirst()
			.get()
			.json();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// when
			List<Future<List<Violation>>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String json = (i % 2 == 0) ? valid : invalid;
				results.add(pool.submit(() -> schemas.validate(DocumentType.of("client-profile"), json)));
			}
			// then
			for (int i = 0; i < results.size(); i++) {
				List<Violation> violations = results.get(i).get();
				if (i % 2 == 0) {
					assertThat(violations).isEmpty();
				}
				else {
					assertThat(violations).extracting(Violation::pointer).containsExactly("/subject/bsn");
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
