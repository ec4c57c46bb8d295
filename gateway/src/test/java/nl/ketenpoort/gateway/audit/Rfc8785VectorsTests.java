package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import nl.ketenpoort.gateway.audit.internal.Jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ketenpoort's RFC 8785 implementation ({@link Jcs}) and the test tree's independent one
 * against the RFC's test vectors ({@code src/test/resources/rfc8785}, with their source
 * and licence), byte for byte.
 */
class Rfc8785VectorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "arrays", "french", "structures", "unicode", "weird" })
	void theCanonicalFormIsTheVectorsOutput(String vector) throws IOException {
		// given
		Object input = JSON.readValue(read("input/" + vector + ".json"), Object.class);
		byte[] expected = read("output/" + vector + ".json");
		// when
		byte[] canonical = Jcs.canonical(input).getBytes(StandardCharsets.UTF_8);
		// then
		assertThat(new String(canonical, StandardCharsets.UTF_8))
			.isEqualTo(new String(expected, StandardCharsets.UTF_8));
		assertThat(canonical).isEqualTo(expected);
		assertThat(IndependentJcs.serialize(input).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	@Test
	void fractionsAreRefusedAndTheRestOfTheValuesVectorHolds() throws IOException {
		// given the vector whose numbers need ECMAScript number formatting
		@SuppressWarnings("unchecked")
		Map<String, Object> input = JSON.readValue(read("input/values.json"), LinkedHashMap.class);
		String expected = new String(read("output/values.json"), StandardCharsets.UTF_8);
		// then: the restricted form refuses them rather than write them in a way another
		// implementation could disagree with
		assertThatThrownBy(() -> Jcs.canonical(input)).isInstanceOf(Jcs.NotCanonical.class);
		// and: without them, the output is the vector's without its numbers member
		input.remove("numbers");
		String withoutNumbers = expected.replaceFirst(",\"numbers\":\\[[^\\]]*\\]", "");
		assertThat(Jcs.canonical(input)).isEqualTo(withoutNumbers);
	}

	@Test
	void loneSurrogatesAndLargeIntegersAreRefused() {
		assertThatThrownBy(() -> Jcs.canonical("\ud800")).isInstanceOf(Jcs.NotCanonical.class);
		assertThatThrownBy(() -> Jcs.canonical(1L << 53)).isInstanceOf(Jcs.NotCanonical.class);
		assertThat(Jcs.canonical(Jcs.MAX_INTEGER)).isEqualTo("9007199254740991");
		assertThat(Jcs.canonical("\u001f\u007f")).isEqualTo("\"\\u001f\u007f\"");
	}

	private static byte[] read(String name) throws IOException {
		try (InputStream in = Rfc8785VectorsTests.class.getResourceAsStream("/rfc8785/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
