package nl.ketenpoort.adapters.tvs;

import java.io.InputStream;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TVS receives the handover notice in its notification envelope, round trip intact.
 */
class TvsNotificationMappingTests {

	private final TvsNotificationMapping mapping = new TvsNotificationMapping();

	@Test
	void handoverNoticeRoundTrips() throws Exception {
		JsonNode canonical;
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("examples/handover-notice/valid/amira-al-khatib-syria.json")) {
			canonical = JsonMapper.builder().build().readTree(in);
		}

		JsonNode tvs = this.mapping.toNative(DocumentType.of("handover-notice"), canonical);
		JsonNode back = this.mapping.toCanonical(DocumentType.of("handover-notice"), tvs);

		assertThat(tvs.has("overdrachtsbericht")).isTrue();
		assertThat(back).isEqualTo(canonical);
		assertThat(DocumentSchemas.load().validate(DocumentType.of("handover-notice"), back)).isEmpty();
	}

	@Test
	void tvsReceivesNothingElse() {
		assertThatExceptionOfType(DocumentNotMappable.class).isThrownBy(() -> this.mapping
			.toNative(DocumentType.of("trajectory-plan"), JsonMapper.builder().build().createObjectNode()));
	}

}
