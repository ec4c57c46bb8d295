package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.gateway.audit.internal.AuditField.Hashing;
import nl.ketenpoort.gateway.audit.internal.AuditField.Json;
import nl.ketenpoort.gateway.audit.internal.AuditField.Type;
import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit fields declared once ({@link AuditFields}): the views keep their shape, and a
 * field added to the declaration shows in every view and, only when set, in the hash.
 */
class AuditFieldsTests {

	private static final UUID EVENT_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID EXCHANGE_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

	private static final Instant RECORDED_AT = Instant.parse("2026-11-20T10:15:30.123456Z");

	/** The worked example of docs/extending.md: an FSC transaction id. */
	private static final AuditField FSC_TRANSACTION_ID = new AuditField("fsc_transaction_id", "fsc_transaction_id",
			Type.TEXT, Hashing.WHEN_SET, "fscTransactionId", Json.WHEN_SET, Set.of(AuditView.API, AuditView.CSV),
			(record) -> (record.event().exchangeId() != null) ? "fsc-" + record.event().exchangeId() : null);

	private static final List<AuditField> WITH_NEW_FIELD = with(FSC_TRANSACTION_ID);

	@Test
	void theTableColumnsAreThoseTheRowsAlwaysHad() {
		// given the column list before the declaration
		List<String> before = List.of("position", "event_id", "recorded_at", "trace_id", "operation_id",
				"parent_operation_id", "foreign_trace_id", "foreign_operation_id", "event_type", "outcome",
				"reason_code", "actor_kind", "actor_id", "actor_role", "actor_organisation", "purpose", "legal_basis",
				"consent_id", "subject_ref", "sender", "recipient", "document_type", "exchange_id", "field_names",
				"payload_sha256", "partner_status", "started_at", "ended_at", "prev_hash", "hash", "actor_mandate");
		// when
		List<String> declared = Arrays.asList(AuditFields.COLUMNS.split(", "));
		// then
		assertThat(declared).containsExactlyInAnyOrderElementsOf(before);
		assertThat(AuditFields.HASHED_WHEN_SET).isEmpty();
	}

	@Test
	void theApiViewKeepsItsMembers() {
		// given
		AuditRecord record = record(delivered(), "f".repeat(64));
		// when
		Map<String, Object> view = AuditFields.json(record, AuditView.API);
		// then
		Map<String, Object> actor = new LinkedHashMap<>();
		actor.put("kind", "system");
		actor.put("id", "ketenpoort");
		actor.put("role", "");
		actor.put("organisation", "");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("position", 7L);
		expected.put("eventId", EVENT_ID);
		expected.put("recordedAt", "2026-11-20T10:15:30.123456Z");
		expected.put("type", "delivered");
		expected.put("outcome", "SUCCESS");
		expected.put("actor", actor);
		expected.put("purpose", "handover-coa-municipality");
		expected.put("legalBasis", "gdpr-9-2-a");
		expected.put("sender", "tvs");
		expected.put("recipient", "raak");
		expected.put("documentType", "client-profile");
		expected.put("exchangeId", EXCHANGE_ID);
		expected.put("fieldNames", List.of("name.givenNames", "subject.vNumber"));
		expected.put("partnerStatus", 202);
		expected.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		expected.put("operationId", "00f067aa0ba902b7");
		expected.put("hash", "f".repeat(64));
		assertThat(view).isEqualTo(expected);
	}

	@Test
	void theConsoleViewKeepsItsMembers() {
		// given
		AuditRecord record = record(delivered(), "f".repeat(64));
		// when
		Map<String, Object> view = AuditFields.json(record, AuditView.CONSOLE);
		// then
		assertThat(view).containsOnlyKeys("position", "recordedAt", "type", "outcome", "purpose", "legalBasis",
				"sender", "recipient", "documentType", "exchangeId", "fieldNames", "actor", "hash");
		assertThat(view.get("actor")).isEqualTo(Map.of("kind", "system", "role", ""));
	}

	@Test
	void aNewFieldShowsInEveryViewItIsDeclaredFor() {
		// given
		AuditRecord record = record(delivered(), "f".repeat(64));
		// when
		Map<String, Object> api = AuditFields.json(WITH_NEW_FIELD, record, AuditView.API);
		Map<String, Object> console = AuditFields.json(WITH_NEW_FIELD, record, AuditView.CONSOLE);
		String[] header = AuditFields.csvHeader(WITH_NEW_FIELD);
		List<String> row = AuditFields.csvRow(WITH_NEW_FIELD, record);
		// then
		assertThat(api).containsEntry("fscTransactionId", "fsc-" + EXCHANGE_ID);
		assertThat(console).doesNotContainKey("fscTransactionId");
		assertThat(header).startsWith(AuditFields.csvHeader()).endsWith("fsc_transaction_id");
		assertThat(row).startsWith(AuditFields.csvRow(record).toArray(String[]::new)).endsWith("fsc-" + EXCHANGE_ID);
	}

	@Test
	void aNewFieldIsHashedOnlyWhenSetSoEarlierChainsKeepTheirText() {
		// given an event without the new field's value and one with it
		AuditEvent without = AuditEvent.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, AuditActor.SYSTEM)
			.reason("NO_CONSENT")
			.build();
		AuditEvent with = delivered();
		// when
		String before = AuditRecord.canonicalForm(EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", without);
		String unset = AuditRecord.canonicalForm(EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", without,
				WITH_NEW_FIELD.stream().filter((field) -> field.hashing() == Hashing.WHEN_SET).toList());
		String fixed = AuditRecord.canonicalForm(EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", with);
		String set = AuditRecord.canonicalForm(EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", with,
				List.of(FSC_TRANSACTION_ID));
		// then
		assertThat(unset).isEqualTo(before);
		assertThat(set)
			.isEqualTo(fixed.substring(0, fixed.length() - 1) + ",\"fsc_transaction_id\":\"fsc-" + EXCHANGE_ID + "\"}");
		assertThat(AuditRecord.chainHash(AuditRecord.GENESIS, set))
			.isNotEqualTo(AuditRecord.chainHash(AuditRecord.GENESIS, fixed));
	}

	private static AuditEvent delivered() {
		return AuditEvent.of(AuditEventType.DELIVERED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.purpose("handover-coa-municipality", "gdpr-9-2-a")
			.route("tvs", "raak")
			.document("client-profile", EXCHANGE_ID)
			.payload(List.of("name.givenNames", "subject.vNumber"), null)
			.partnerStatus(202)
			.trace(new AuditTrace("4bf92f3577b34da6a3ce929d0e0e4736", null, null, null))
			.build();
	}

	private static AuditRecord record(AuditEvent event, String hash) {
		return new AuditRecord(7, EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", event, AuditRecord.GENESIS, hash);
	}

	private static List<AuditField> with(AuditField field) {
		List<AuditField> fields = new ArrayList<>(AuditFields.ALL);
		fields.add(field);
		return List.copyOf(fields);
	}

}
