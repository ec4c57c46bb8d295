package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.schemas.SchemaResources;
import nl.ketenpoort.schemas.SupportingSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit-event.schema.json} and its valid example are generated from the audit
 * field catalogue, so the published schema is the API view: regenerate them with
 * {@code -Dketenpoort.regenerate-docs=true} after changing a field.
 */
class AuditEventSchemaTests {

	private static final String REGENERATE = "ketenpoort.regenerate-docs";

	private static final Path SCHEMA = Path.of("..", "schemas", "src", "main", "resources", "schemas",
			"audit-event.schema.json");

	private static final Path EXAMPLE = Path.of("..", "schemas", "src", "main", "resources", "examples", "audit-event",
			"valid", "delivered-client-profile.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void thePublishedSchemaIsTheCataloguesApiView() throws IOException {
		// given
		String generated = JSON.writeValueAsString(AuditFields.CATALOGUE.schema()) + "\n";
		String example = JSON.writeValueAsString(AuditFields.json(example(), AuditView.API)) + "\n";
		if (Boolean.getBoolean(REGENERATE)) {
			Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
			Files.writeString(EXAMPLE, example, StandardCharsets.UTF_8);
		}
		// then
		assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8))
			.as("audit-event.schema.json is out of date with AuditFields; regenerate it with -D" + REGENERATE + "=true")
			.isEqualTo(generated);
		assertThat(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).isEqualTo(example);
	}

	@Test
	void theSchemaNamesEveryEventTypeTheGatewayRecords() {
		// given the schema as the schemas module reads it
		var declared = SchemaResources.read(SupportingSchema.AUDIT_EVENT)
			.at("/properties/type/enum")
			.valueStream()
			.map((value) -> value.asString())
			.toList();

		// then it lists exactly the codes the gateway writes, in their order
		assertThat(declared)
			.containsExactlyElementsOf(Arrays.stream(AuditEventType.values()).map(AuditEventType::code).toList());
	}

	/** A delivery as the API shows it, every value fixed. */
	static AuditRecord example() {
		AuditEvent event = AuditEvent.of(AuditEventType.DELIVERED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.purpose("handover-coa-municipality", "gdpr-6-1-a")
			.consent(UUID.fromString("c0a8012e-4f5b-4c3d-9e2f-1a2b3c4d5e6f"))
			.subject("vnr_Qm4Rt8Yb2Nc6Xw1ZpL7kH3sD9fG5jA0eU2iO6yT8rW4")
			.route("tvs", "raak")
			.document("client-profile", UUID.fromString("3f2b8c1e-7a4d-4e9f-b6c2-5d8e1a0f4b7c"))
			.payload(List.of("birthDate", "languages.language", "languages.level", "name.familyName", "name.givenNames",
					"subject.vNumber"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
			.partnerStatus(202)
			.trace(new AuditTrace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, null))
			.with(AuditFields.STATEMENT_ID, UUID.fromString("5b0f3a52-9d47-4f7e-8a61-2c93e0d1b4a8"))
			.build();
		AuditRecord unhashed = new AuditRecord(42, UUID.fromString("9a7d2c4e-1b3f-4e5a-8c6d-0f1e2a3b4c5d"),
				Instant.parse("2026-05-12T09:14:03.250000Z"), "b7ad6b7169203331", event,
				"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", AuditRecord.GENESIS,
				AuditCatalogue.FORM);
		return new AuditRecord(unhashed.position(), unhashed.eventId(), unhashed.recordedAt(), unhashed.operationId(),
				event, unhashed.prevHash(), AuditFields.CATALOGUE.hash(unhashed), AuditCatalogue.FORM);
	}

}
