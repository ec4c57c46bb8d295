package nl.ketenpoort.gateway.audit;

import java.util.Arrays;

import nl.ketenpoort.schemas.SchemaResources;
import nl.ketenpoort.schemas.SupportingSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventTypeSchemaTests {

	@Test
	void theAuditEventSchemaNamesEveryEventTypeTheGatewayRecords() {
		// given the schema that documents the audit event for partners and outside checks
		var declared = SchemaResources.read(SupportingSchema.AUDIT_EVENT)
			.at("/properties/type/enum")
			.valueStream()
			.map((value) -> value.asString())
			.toList();

		// then it lists exactly the codes the gateway writes, in their order
		assertThat(declared)
			.containsExactlyElementsOf(Arrays.stream(AuditEventType.values()).map(AuditEventType::code).toList());
	}

}
