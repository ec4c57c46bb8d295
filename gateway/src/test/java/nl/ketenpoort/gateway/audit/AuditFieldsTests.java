package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.gateway.audit.internal.AuditField.Hashing;
import nl.ketenpoort.gateway.audit.internal.AuditField.Json;
import nl.ketenpoort.gateway.audit.internal.AuditField.Type;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.audit.internal.AuditCatalogueMisdeclared;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditShape;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit fields declared once ({@link AuditFields}): the views keep their shape, and a
 * field added to a catalogue shows in every view and in the hash.
 */
class AuditFieldsTests {

	private static final UUID EVENT_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID EXCHANGE_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

	private static final Instant RECORDED_AT = Instant.parse("2026-11-20T10:15:30.123456Z");

	/** A field only this test declares: the one entry a new field is. */
	private static final AuditField TICKET = AuditField.extra("case_ticket", Type.TEXT, AuditShape.LOWER_CODE,
			"caseTicket", "Case ticket", Set.of(AuditView.values()));

	private static final AuditCatalogue WITH_TICKET = AuditFields.CATALOGUE.with(TICKET);

	@Test
	void theTableColumnsAreThoseTheRowsHadAndTheCataloguesNewOnes() {
		// given the column list before the catalogue, and the columns of V3_126
		List<String> before = List.of("position", "event_id", "recorded_at", "trace_id", "operation_id",
				"parent_operation_id", "foreign_trace_id", "foreign_operation_id", "event_type", "outcome",
				"reason_code", "actor_kind", "actor_id", "actor_role", "actor_organisation", "purpose", "legal_basis",
				"consent_id", "subject_ref", "sender", "recipient", "document_type", "exchange_id", "field_names",
				"payload_sha256", "partner_status", "started_at", "ended_at", "prev_hash", "hash", "actor_mandate");
		List<String> added = List.of("form", "actor_person", "actor_on_behalf_of", "legal_basis_reference",
				"fsc_transaction_id", "statement_id", "epoch_previous_position", "epoch_previous_hash",
				"epoch_statement");
		// when
		List<String> declared = Arrays.asList(AuditFields.COLUMNS.split(", "));
		// then
		assertThat(declared).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(before.stream(), added.stream()).toList());
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
		expected.put("form", 2);
		expected.put("chained", true);
		assertThat(view).isEqualTo(expected);
	}

	@Test
	void aStagedEventShowsWithoutItsPlaceInTheChain() {
		// given: an event as staged, before the chainer linked it
		AuditRecord record = record(delivered(), "f".repeat(64));
		AuditRecord staged = AuditRecord.staged(record.eventId(), record.recordedAt(), record.operationId(),
				record.event());
		// when
		Map<String, Object> api = AuditFields.json(staged, AuditView.API);
		Map<String, Object> console = AuditFields.json(staged, AuditView.CONSOLE);
		// then
		assertThat(api).doesNotContainKeys("position", "hash", "prevHash").containsEntry("chained", false);
		assertThat(console).doesNotContainKeys("position", "hash").containsEntry("chained", false);
		assertThat(AuditFields.parameters(staged)[0]).as("no position in the staging row").isNull();
		// and: chained, it hashes as an event appended at that place would
		AuditRecord chained = staged.chainedAt(7, record.prevHash());
		assertThat(chained.hash()).isEqualTo(AuditRecord
			.hashed(7, record.eventId(), record.recordedAt(), record.operationId(), record.event(), record.prevHash())
			.hash());
		assertThat(AuditFields.json(chained, AuditView.API)).containsEntry("position", 7L)
			.containsEntry("chained", true);
	}

	@Test
	void theConsoleViewKeepsItsMembers() {
		// given
		AuditRecord record = record(delivered(), "f".repeat(64));
		// when
		Map<String, Object> view = AuditFields.json(record, AuditView.CONSOLE);
		// then
		assertThat(view).containsOnlyKeys("position", "recordedAt", "type", "outcome", "purpose", "legalBasis",
				"sender", "recipient", "documentType", "exchangeId", "fieldNames", "actor", "hash", "chained");
		assertThat(view.get("actor")).isEqualTo(Map.of("kind", "system", "role", ""));
	}

	@Test
	void aFieldAddedToTheCatalogueShowsInEveryViewAndInTheHash() {
		// given an event that sets the field only a test catalogue declares
		AuditEvent event = delivered().toBuilder().with(TICKET, "t-2026-17").build();
		AuditRecord record = record(event, "f".repeat(64));
		AuditRecord without = record(delivered(), "f".repeat(64));

		// when: every shape the catalogue makes
		Object[] parameters = WITH_TICKET.parameters(record);
		Map<String, Object> api = WITH_TICKET.json(record, AuditView.API);
		Map<String, Object> console = WITH_TICKET.json(record, AuditView.CONSOLE);
		String[] csvHeader = WITH_TICKET.csvHeader();
		List<String> csvRow = WITH_TICKET.csvRow(record);
		StringWriter csv = new StringWriter();
		AuditExports.csv(WITH_TICKET, List.of(record), csv);
		List<Map<String, Object>> logboek = AuditExports.logboek(WITH_TICKET, record);
		String html = AuditExports.html(WITH_TICKET, List.of(record), Map.of());
		Map<String, Object> schema = WITH_TICKET.schema();
		String canonical = WITH_TICKET.canonical(record);

		// then: the table mapping
		assertThat(WITH_TICKET.columns()).endsWith(", case_ticket");
		assertThat(WITH_TICKET.insert()).contains(", case_ticket)");
		assertThat(parameters[parameters.length - 1]).isEqualTo("t-2026-17");
		// and: the JSON views, CSV, Logboek and the Art. 15 page
		assertThat(api).containsEntry("caseTicket", "t-2026-17");
		assertThat(console).containsEntry("caseTicket", "t-2026-17");
		assertThat(csvHeader).endsWith("case_ticket");
		assertThat(csvRow).endsWith("t-2026-17");
		assertThat(csv.toString().lines().toList()).first().asString().endsWith(",case_ticket");
		assertThat(csv.toString().lines().toList()).last().asString().endsWith(",t-2026-17");
		assertThat(logboek).singleElement()
			.satisfies((entry) -> assertThat(entry.get("attributes")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("ketenpoort.case_ticket", "t-2026-17"));
		assertThat(html).contains("<th scope=\"col\">Case ticket</th>").contains("<td>t-2026-17</td>");
		// and: the published schema
		assertThat(schema.get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("caseTicket")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("type", "string")
			.containsEntry("title", "Case ticket")
			.containsKey("pattern");
		// and: the hash, which an event without the field keeps unchanged
		assertThat(canonical).contains("\"case_ticket\":\"t-2026-17\"");
		assertThat(WITH_TICKET.hash(record)).isNotEqualTo(AuditFields.CATALOGUE.hash(record));
		assertThat(WITH_TICKET.canonical(without)).isEqualTo(AuditFields.CATALOGUE.canonical(without));
		// and: the shipped catalogue does not know it
		assertThat(AuditFields.json(record, AuditView.API)).doesNotContainKey("caseTicket");
	}

	@Test
	void formTwoIsTheJcsOfTheHashedFieldsThatAreSet() {
		// given
		AuditRecord record = record(delivered(), "f".repeat(64));
		// when
		String canonical = AuditFields.CATALOGUE.canonical(record);
		// then: members sorted, absent ones left out, "v":2
		assertThat(canonical).isEqualTo("{\"actor_id\":\"ketenpoort\",\"actor_kind\":\"system\","
				+ "\"document_type\":\"client-profile\",\"event_id\":\"00000000-0000-0000-0000-0000000000e1\","
				+ "\"event_type\":\"delivered\",\"exchange_id\":\"00000000-0000-0000-0000-0000000000e2\","
				+ "\"field_names\":[\"name.givenNames\",\"subject.vNumber\"],\"legal_basis\":\"gdpr-9-2-a\","
				+ "\"operation_id\":\"00f067aa0ba902b7\",\"outcome\":\"SUCCESS\",\"partner_status\":202,"
				+ "\"purpose\":\"handover-coa-municipality\",\"recipient\":\"raak\","
				+ "\"recorded_at\":\"2026-11-20T10:15:30.123456Z\",\"sender\":\"tvs\","
				+ "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"v\":2}");
		assertThat(canonical).isEqualTo(nl.ketenpoort.gateway.audit.internal.Jcs
			.canonical(tools.jackson.databind.json.JsonMapper.builder().build().readValue(canonical, Object.class)));
	}

	@Test
	void formTwoOfTheColumnValuesIsFormTwoOfTheRecord() {
		// given records with every kind of value, and the column values a row read gives
		java.util.Random random = new java.util.Random(2);
		for (int i = 0; i < 2_000; i++) {
			AuditEvent.Builder event = delivered().toBuilder()
				.reason((random.nextBoolean()) ? "NO_CONSENT" : null)
				.subject((random.nextBoolean()) ? "vnr_" + "C".repeat(43) : null)
				.payload((random.nextBoolean()) ? List.of() : List.of("a.b", "c\"d\\e\u0001"), null)
				.startedAt((random.nextBoolean()) ? RECORDED_AT.minusNanos(random.nextInt(1_000_000) * 1000L) : null);
			if (random.nextBoolean()) {
				event.with(AuditFields.STATEMENT_ID, new UUID(random.nextLong(), random.nextLong()))
					.with(AuditFields.EPOCH_PREVIOUS_POSITION, random.nextLong(Long.MAX_VALUE >> 11));
			}
			AuditRecord record = record(event.build(), "f".repeat(64));
			Object[] columns = AuditFields.CATALOGUE.columnsOf(record);
			// then: the record path is the columns path, and both are RFC 8785 of the
			// members that are set
			assertThat(AuditFields.CATALOGUE.canonicalOfColumns(columns))
				.isEqualTo(AuditFields.CATALOGUE.canonical(record))
				.isEqualTo(nl.ketenpoort.gateway.audit.internal.Jcs
					.canonical(tools.jackson.databind.json.JsonMapper.builder()
						.build()
						.readValue(AuditFields.CATALOGUE.canonical(record), Object.class)));
		}
	}

	@Test
	void timestampsAreWrittenWithSixFractionDigitsInUtc() {
		java.util.Random random = new java.util.Random(8785);
		for (int i = 0; i < 10_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(253_402_300_799L),
					random.nextInt(1_000_000) * 1000L);
			StringBuilder written = new StringBuilder();
			AuditCatalogue.timestamp(written, instant);
			assertThat(written.toString()).isEqualTo("\"" + AuditCatalogue.TIMESTAMP.format(instant) + "\"");
		}
	}

	@Test
	void everyMemberOfFormOneIsHashedInFormTwo() {
		// given the members of the fixed form 1
		List<String> formOne = List.of("event_id", "recorded_at", "trace_id", "operation_id", "parent_operation_id",
				"foreign_trace_id", "foreign_operation_id", "event_type", "outcome", "reason_code", "actor_kind",
				"actor_id", "actor_role", "actor_organisation", "actor_mandate", "purpose", "legal_basis", "consent_id",
				"subject_ref", "sender", "recipient", "document_type", "exchange_id", "field_names", "payload_sha256",
				"partner_status", "started_at");
		// then
		assertThat(AuditFields.CATALOGUE.canonicalMembers()).containsAll(formOne)
			.contains("v", "actor_person", "statement_id")
			.isSorted();
	}

	@Test
	void aFieldOfAnotherTypeThanItsColumnIsRefused() {
		assertThatThrownBy(() -> delivered().toBuilder().with(AuditFields.STATEMENT_ID, "not-a-uuid"))
			.isInstanceOf(AuditCatalogueMisdeclared.class);
		assertThatThrownBy(() -> new AuditField("count", Type.SMALLINT, Hashing.YES, "count", Json.ALWAYS,
				Set.of(AuditView.API), AuditShape.NUMBER, "Count", null, true, (record) -> null))
			.isInstanceOf(AuditCatalogueMisdeclared.class);
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
		return new AuditRecord(7, EVENT_ID, RECORDED_AT, "00f067aa0ba902b7", event, AuditRecord.GENESIS, hash,
				AuditCatalogue.FORM);
	}

}
