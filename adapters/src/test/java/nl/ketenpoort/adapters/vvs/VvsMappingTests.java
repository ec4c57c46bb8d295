package nl.ketenpoort.adapters.vvs;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.adapters.MappingContract;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VvsMappingTests {

	private final VvsMapping mapping = new VvsMapping();

	static Stream<Example> examples() {
		return CanonicalExamples.all(new VvsMapping().receivesAndSends()).stream();
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
	void wrapsTheDocumentInVvsEnvelope() {
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("trajectory-plan")).document();
		JsonNode vvs = this.mapping.toNative(DocumentType.of("trajectory-plan"), canonical);
		assertThat(vvs.get("dossierType").asString()).isEqualTo("trajectplan");
		assertThat(vvs.get("clientReferentie")).isEqualTo(canonical.get("subject").get("vNumber"));
		assertThat(vvs.get("inhoud")).isEqualTo(canonical);
	}

	@Test
	void inventsNoReferenceForADocumentWithoutSubject() {
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("trajectory-plan")).document();
		canonical.remove("subject");
		JsonNode vvs = this.mapping.toNative(DocumentType.of("trajectory-plan"), canonical);
		assertThat(vvs.has("clientReferentie")).isFalse();
	}

	@Test
	void refusesAnEnvelopeWhoseReferenceDiffersFromItsContent() {
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("handover-notice")).document();
		ObjectNode vvs = (ObjectNode) this.mapping.toNative(DocumentType.of("handover-notice"), canonical);
		vvs.put("clientReferentie", "9999999999");
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> this.mapping.toCanonical(DocumentType.of("handover-notice"), vvs))
			.withMessageNotContaining("9999999999");
	}

	@Test
	void refusesAnEnvelopeOfAnotherType() {
		ObjectNode canonical = CanonicalExamples.first(DocumentType.of("handover-notice")).document();
		JsonNode vvs = this.mapping.toNative(DocumentType.of("handover-notice"), canonical);
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> this.mapping.toCanonical(DocumentType.of("client-profile"), vvs));
	}

}
