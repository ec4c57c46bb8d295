package nl.ketenpoort.adapters.taalschool;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.adapters.MappingContract;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.fields.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LanguageProviderMappingTests {

	static Stream<Arguments> examples() {
		return Stream.of(new TaalschoolMapping(), new OpstartklasMapping())
			.flatMap((mapping) -> CanonicalExamples.all(mapping.receivesAndSends())
				.stream()
				.map((example) -> Arguments.of(mapping.partner(), mapping, example)));
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("examples")
	void roundTripsEveryExample(String partner, NativeMapping mapping, Example example) {
		MappingContract.roundTrips(mapping, example);
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("examples")
	void keepsMinimisedDocumentsMinimal(String partner, NativeMapping mapping, Example example) {
		MappingContract.keepsMinimisedDocumentsMinimal(mapping, example);
	}

	@Test
	void namesEveryCanonicalField() {
		assertThat(LanguageProviderVocabularies.learnerProfile().canonicalPaths())
			.containsAll(CanonicalExamples.schemas()
				.fields(DocumentType.of("nt2-learner-profile"))
				.stream()
				.map(Field::path)
				.toList());
		assertThat(LanguageProviderVocabularies.opstartklasReport().canonicalPaths())
			.containsAll(CanonicalExamples.schemas()
				.fields(DocumentType.of("opstartklas-report"))
				.stream()
				.map(Field::path)
				.toList());
	}

	@Test
	void readsTheOpstartklasOwnReport() {
		// given: a report as the opstartklas writes it
		JsonNode report = CanonicalExamples.json("""
				{"eindrapportage": {
				  "cursist": {"vNummer": "2317845096"},
				  "leerbaarheid": {"toets": "opstartklas", "uitkomst": "boven-gemiddeld", "score": 71},
				  "leerprofiel": {"leerstijlen": ["visueel", "kleine-groep"], "tempo": "snel"},
				  "advies": {"leerroute": "B1-route", "aanbieder": {"id": "taalschool-a"}}
				}}""");
		// when
		var canonical = new OpstartklasMapping().toCanonical(DocumentType.of("opstartklas-report"), report);
		// then
		assertThat(canonical).isEqualTo(CanonicalExamples.json("""
				{"subject": {"vNumber": "2317845096"},
				 "learnability": {"test": "opstartklas", "outcome": "above-average", "score": 71},
				 "learnerProfile": {"learningStyle": ["visual", "small-group"], "pace": "fast"},
				 "advice": {"integrationRoute": "b1-route", "provider": {"id": "taalschool-a"}}}"""));
		assertThat(CanonicalExamples.schemas().validate(DocumentType.of("opstartklas-report"), canonical)).isEmpty();
	}

	@Test
	void refusesADocumentWithAnotherRoot() {
		JsonNode report = CanonicalExamples.json("{\"rapport\": {}}");
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> new OpstartklasMapping().toCanonical(DocumentType.of("opstartklas-report"), report));
	}

}
