package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published audit-event schema names exactly the event types the log records, so an
 * exported event always validates against it.
 */
class AuditEventTypeTests {

	@Test
	void schemaListsEveryEventType() throws IOException {
		// given
		JsonNode schema;
		try (InputStream in = getClass().getResourceAsStream("/schemas/audit-event.schema.json")) {
			assertThat(in).as("audit-event schema on the class path").isNotNull();
			schema = JsonMapper.builder().build().readTree(in);
		}
		// when
		List<String> published = schema.get("properties")
			.get("type")
			.get("enum")
			.values()
			.stream()
			.map(JsonNode::asString)
			.toList();
		// then
		assertThat(published).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(AuditEventType.values()).map(AuditEventType::code).toList());
	}

}
