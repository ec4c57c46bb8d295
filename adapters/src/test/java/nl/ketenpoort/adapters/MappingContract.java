package nl.ketenpoort.adapters;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.schemas.validation.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link NativeMapping} must do with every example: round trip both ways,
 * produce documents that validate, and keep minimised documents minimised.
 */
public final class MappingContract {

	private MappingContract() {
	}

	public static void roundTrips(NativeMapping mapping, Example example) {
		// given
		ObjectNode canonical = example.document();
		// when
		JsonNode nativeDocument = mapping.toNative(example.type(), canonical);
		ObjectNode back = mapping.toCanonical(example.type(), nativeDocument);
		// then
		assertThat(back).isEqualTo(canonical);
		assertThat(mapping.toNative(example.type(), back)).isEqualTo(nativeDocument);
		List<Violation> violations = CanonicalExamples.schemas().validate(example.type(), back);
		assertThat(violations).isEmpty();
	}

	public static void keepsMinimisedDocumentsMinimal(NativeMapping mapping, Example example) {
		// given
		ObjectNode minimised = example.minimised(CanonicalExamples.MINIMAL_PURPOSE);
		// when
		JsonNode nativeDocument = mapping.toNative(example.type(), minimised);
		ObjectNode back = mapping.toCanonical(example.type(), nativeDocument);
		// then
		assertThat(back).isEqualTo(minimised);
		assertThat(CanonicalExamples.schemas().fieldNames(back))
			.isEqualTo(CanonicalExamples.schemas().fieldNames(minimised));
	}

}
