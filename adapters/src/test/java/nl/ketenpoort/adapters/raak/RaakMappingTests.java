package nl.ketenpoort.adapters.raak;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.MappingContract;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.fields.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RaakMappingTests {

	private final RaakMapping mapping = new RaakMapping();

	static Stream<Example> examples() {
		return CanonicalExamples.all(new RaakMapping().receivesAndSends()).stream();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void roundTripsEveryExample(Example example) {
		MappingContract.roundTrips(this.mapping, example);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void keepsMinimisedDocumentsMinimal(Example example) {
		MappingContract.keepsMinimisedDocumentsMinimal(this.mapping, example);
	}

	@Test
	void namesEveryCanonicalFieldOfEveryType() {
		for (var type : List.of(DocumentType.of("client-profile"), DocumentType.of("trajectory-plan"),
				DocumentType.of("handover-notice"))) {
			var vocabulary = switch (type.code()) {
				case "client-profile" -> RaakMapping.clientProfile();
				case "trajectory-plan" -> RaakMapping.trajectoryPlan();
				default -> RaakMapping.handoverNotice();
			};
			assertThat(vocabulary.canonicalPaths()).as(type.code())
				.containsAll(CanonicalExamples.schemas().fields(type).stream().map(Field::path).toList());
		}
	}

	@Test
	void writesTheClientProfileWithRaaksNamesAndCodes() {
		// given
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("client-profile")).document();
		// when
		JsonNode raak = this.mapping.toNative(DocumentType.of("client-profile"), canonical);
		// then
		JsonNode profile = raak.get("klantprofiel");
		assertThat(raak.propertyNames()).containsExactly("klantprofiel");
		assertThat(profile.get("vreemdelingennummer").asString())
			.isEqualTo(canonical.get("subject").get("vNumber").asString());
		assertThat(profile.propertyNames())
			.contains("opleiding", "werkervaring", "taalvaardigheid", "gezinssamenstelling", "toekomstwensen",
					"indrukCasemanager", "praktischeZaken")
			.doesNotContain("subject", "education");
		assertThat(profile.get("opleiding").get(0).get("niveau").asString()).isEqualTo("hbo-wo-bachelor");
		assertThat(profile.get("gezinssamenstelling").get("burgerlijkeStaat").asString()).isEqualTo("gehuwd");
	}

	@Test
	void refusesAPropertyRaakDoesNotHave() {
		JsonNode raak = CanonicalExamples
			.json("{\"trajectplan\":{\"vreemdelingennummer\":\"2317845096\",\"geheim\":\"x\"}}");
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> this.mapping.toCanonical(DocumentType.of("trajectory-plan"), raak))
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("trajectplan.geheim"))
			.withMessageNotContaining("2317845096");
	}

	@Test
	void refusesACodeOutsideRaaksCodeList() {
		JsonNode raak = CanonicalExamples.json("{\"trajectplan\":{\"doelen\":[{\"leefgebied\":\"ruimtevaart\"}]}}");
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> this.mapping.toCanonical(DocumentType.of("trajectory-plan"), raak))
			.withMessageNotContaining("ruimtevaart");
	}

	@Test
	void refusesACanonicalFieldWithoutNativeForm() {
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("client-profile")).document();
		canonical.put("shoeSize", 42);
		assertThatExceptionOfType(DocumentNotMappable.class)
			.isThrownBy(() -> this.mapping.toNative(DocumentType.of("client-profile"), canonical))
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("client-profile:shoeSize"));
	}

	@Test
	void hasNoFormatForTheOpstartklasReport() {
		assertThatExceptionOfType(DocumentNotMappable.class)
			.isThrownBy(() -> this.mapping.toNative(DocumentType.of("opstartklas-report"),
					CanonicalExamples.first(DocumentType.of("opstartklas-report")).document()));
	}

}
