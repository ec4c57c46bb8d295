package nl.ketenpoort.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written canonical form is byte for byte the text that Jackson wrote for every
 * chain hashed so far, so that existing chains still verify.
 */
class AuditCanonicalFormTests {

	private static final JsonMapper REFERENCE_MAPPER = JsonMapper.builder().build();

	private static final String[] PIECES = { "", "a", "partner", "vnr_AbC-_09", "/", "client/name", "a.b[0]", "\"",
			"\\", "\\\"", "\"\\", "\u007f", "\u0080", "\u00a0", "é", "ß", "ĳ", "Ÿ", "\u200b", "\u2028", "\u2029",
			"\ufeff", "\ufffd", "\uffff", "مرحبا", "ሰላም ትግርኛ", "中文", "\ud83d\ude00", "👩‍👩‍👧", "\ud800", "\udfff",
			"\udfff\ud800", "<script>", "&amp;", "'", "{", "}", "[]", ",", ":", " ", "null", "0", "1e5", "\\u0041",
			"%s" };

	/** The canonical form as Jackson wrote it until now: the reference. */
	static String reference(UUID eventId, Instant recordedAt, @Nullable String operationId, AuditEvent event) {
		AuditTrace trace = event.trace();
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("event_id", eventId.toString());
		row.put("recorded_at", recordedAt.toString());
		row.put("trace_id", (trace != null) ? trace.traceId() : null);
		row.put("operation_id", operationId);
		row.put("parent_operation_id", (trace != null) ? trace.parentOperationId() : null);
		row.put("foreign_trace_id", (trace != null) ? trace.foreignTraceId() : null);
		row.put("foreign_operation_id", (trace != null) ? trace.foreignOperationId() : null);
		row.put("event_type", event.type().code());
		row.put("outcome", event.outcome().name());
		row.put("reason_code", event.reasonCode());
		row.put("actor_kind", event.actor().kind());
		row.put("actor_id", event.actor().id());
		row.put("actor_role", event.actor().role());
		row.put("actor_organisation", event.actor().organisation());
		if (event.actor().mandate() != null) {
			row.put("actor_mandate", event.actor().mandate().toString());
		}
		row.put("purpose", event.purpose());
		row.put("legal_basis", event.legalBasis());
		row.put("consent_id", (event.consentId() != null) ? event.consentId().toString() : null);
		row.put("subject_ref", event.subjectRef());
		row.put("sender", event.sender());
		row.put("recipient", event.recipient());
		row.put("document_type", event.documentType());
		row.put("exchange_id", (event.exchangeId() != null) ? event.exchangeId().toString() : null);
		row.put("field_names", new ArrayList<>(event.fieldNames()));
		row.put("payload_sha256", event.payloadSha256());
		row.put("partner_status", event.partnerStatus());
		row.put("started_at", (event.startedAt() != null) ? event.startedAt().toString() : null);
		return REFERENCE_MAPPER.writeValueAsString(row);
	}

	/** The chain hash as it was computed until now. */
	static String referenceHash(String prevHash, String canonicalForm) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
		digest.update(canonicalForm.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	@Test
	void sameAsJacksonForGeneratedEvents() throws Exception {
		Random random = new Random(20261124L);
		String prevHash = AuditRecord.GENESIS;
		for (int i = 0; i < 20_000; i++) {
			UUID eventId = new UUID(random.nextLong(), random.nextLong());
			Instant recordedAt = instant(random);
			String operationId = (random.nextInt(20) == 0) ? null : nasty(random);
			AuditEvent event = event(random);
			assertSame(eventId, recordedAt, operationId, event);
			String canonical = AuditRecord.canonicalFormV1(eventId, recordedAt, operationId, event);
			String hash = AuditRecord.chainHash(prevHash, canonical);
			assertThat(hash).as("hash of case %d", i).isEqualTo(referenceHash(prevHash, canonical));
			prevHash = hash;
		}
	}

	@Test
	void sameAsJacksonForEveryCharacter() {
		UUID eventId = UUID.randomUUID();
		Instant recordedAt = Instant.parse("2026-11-24T07:07:00.123456Z");
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String one = String.valueOf((char) c);
			AuditEvent event = new AuditEvent(AuditEventType.DELIVERED, AuditOutcome.values()[0], one,
					new AuditActor(one, "x" + one + "y", one + one, null), null, null, null, one, null, null, null,
					null, List.of(one, "a" + one), null, null, null, null, Map.of());
			assertSame(eventId, recordedAt, one, event);
		}
	}

	@Test
	void sameAsJacksonForTheSimplestAndTheFullestEvent() {
		UUID eventId = UUID.fromString("00000000-0000-0000-0000-000000000001");
		Instant recordedAt = Instant.EPOCH;
		AuditEvent bare = AuditEvent.of(AuditEventType.ACCEPTED, AuditOutcome.values()[0], AuditActor.SYSTEM).build();
		assertSame(eventId, recordedAt, "00000000000000aa", bare);
		assertThat(AuditRecord.canonicalFormV1(eventId, recordedAt, "00000000000000aa", bare)).isEqualTo(
				"{\"event_id\":\"00000000-0000-0000-0000-000000000001\",\"recorded_at\":\"1970-01-01T00:00:00Z\","
						+ "\"trace_id\":null,\"operation_id\":\"00000000000000aa\",\"parent_operation_id\":null,"
						+ "\"foreign_trace_id\":null,\"foreign_operation_id\":null,\"event_type\":\"accepted\","
						+ "\"outcome\":\"" + AuditOutcome.values()[0].name() + "\",\"reason_code\":null,"
						+ "\"actor_kind\":\"system\",\"actor_id\":\"ketenpoort\",\"actor_role\":null,"
						+ "\"actor_organisation\":null,\"purpose\":null,\"legal_basis\":null,\"consent_id\":null,"
						+ "\"subject_ref\":null,\"sender\":null,\"recipient\":null,\"document_type\":null,"
						+ "\"exchange_id\":null,\"field_names\":[],\"payload_sha256\":null,\"partner_status\":null,"
						+ "\"started_at\":null}");
		AuditEvent full = AuditEvent
			.of(AuditEventType.DEAD_LETTERED, AuditOutcome.values()[0], AuditActor.partner("tvs", "coa"))
			.reason("partner-unavailable")
			.purpose("handover-coa-municipality", "consent")
			.consent(UUID.randomUUID())
			.subject("vnr_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")
			.route("tvs", "raak")
			.document("client-profile", UUID.randomUUID())
			.payload(List.of("name.given", "address/street", "languages[0]"), "ab".repeat(32))
			.partnerStatus(503)
			.startedAt(Instant.parse("2026-11-24T07:07:00.000001Z"))
			.trace(new AuditTrace("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
					"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
			.build();
		assertSame(UUID.randomUUID(), Instant.parse("2026-11-24T07:07:00.5Z"), "00f067aa0ba902b7", full);
	}

	@Test
	void anEventOfAMandateNamesItAfterTheActorsOrganisationAndOthersAreUnchanged() {
		// given
		UUID eventId = UUID.fromString("00000000-0000-0000-0000-000000000002");
		UUID mandate = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
		AuditActor representative = AuditActor.person("00000000-0000-0000-0000-000000000003", "STATUS_HOLDER", null);
		AuditEvent without = AuditEvent.of(AuditEventType.CONSENT_REVOKED, AuditOutcome.SUCCESS, representative)
			.build();
		AuditEvent with = AuditEvent
			.of(AuditEventType.CONSENT_REVOKED, AuditOutcome.SUCCESS, representative.withMandate(mandate))
			.build();

		// when
		String plain = AuditRecord.canonicalFormV1(eventId, Instant.EPOCH, "00000000000000aa", without);
		String named = AuditRecord.canonicalFormV1(eventId, Instant.EPOCH, "00000000000000aa", with);

		// then
		assertSame(eventId, Instant.EPOCH, "00000000000000aa", with);
		assertThat(plain).doesNotContain("actor_mandate");
		assertThat(named).isEqualTo(plain.replace("\"actor_organisation\":null,",
				"\"actor_organisation\":null,\"actor_mandate\":\"00000000-0000-0000-0000-0000000000ff\","));
	}

	private static void assertSame(UUID eventId, Instant recordedAt, @Nullable String operationId, AuditEvent event) {
		String expected = reference(eventId, recordedAt, operationId, event);
		String actual = AuditRecord.canonicalFormV1(eventId, recordedAt, operationId, event);
		assertThat(actual).isEqualTo(expected);
		assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
	}

	private static AuditEvent event(Random random) {
		AuditEventType[] types = AuditEventType.values();
		AuditOutcome[] outcomes = AuditOutcome.values();
		AuditTrace trace = switch (random.nextInt(3)) {
			case 0 -> null;
			case 1 -> new AuditTrace(maybe(random), maybe(random), maybe(random), maybe(random));
			default -> new AuditTrace(nasty(random), nasty(random), nasty(random), nasty(random));
		};
		List<String> fieldNames = new ArrayList<>();
		int count = (random.nextInt(3) == 0) ? 0 : random.nextInt(8);
		for (int i = 0; i < count; i++) {
			fieldNames.add(nasty(random));
		}
		Integer partnerStatus = switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> 100 + random.nextInt(500);
			case 2 -> random.nextInt();
			default -> (random.nextBoolean()) ? Integer.MIN_VALUE : Integer.MAX_VALUE;
		};
		return new AuditEvent(types[random.nextInt(types.length)], outcomes[random.nextInt(outcomes.length)],
				maybe(random),
				new AuditActor(maybe(random), maybe(random), maybe(random), maybe(random),
						(random.nextInt(4) == 0) ? new UUID(random.nextLong(), random.nextLong()) : null),
				maybe(random), maybe(random), (random.nextBoolean()) ? null : new UUID(random.nextLong(), 0),
				maybe(random), maybe(random), maybe(random), maybe(random),
				(random.nextBoolean()) ? null : new UUID(0, random.nextLong()), fieldNames, maybe(random),
				partnerStatus, (random.nextBoolean()) ? null : instant(random), trace, Map.of());
	}

	private static @Nullable String maybe(Random random) {
		return (random.nextInt(3) == 0) ? null : nasty(random);
	}

	/** Mostly plain codes, often characters that need care, sometimes random UTF-16. */
	private static String nasty(Random random) {
		StringBuilder text = new StringBuilder();
		int parts = random.nextInt(6);
		for (int i = 0; i < parts; i++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append(PIECES[random.nextInt(PIECES.length)]);
				case 1 -> text.append((char) random.nextInt(0x20));
				case 2 -> text.append((char) random.nextInt(0x80));
				case 3 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
				default -> text.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
			}
		}
		return text.toString();
	}

	private static Instant instant(Random random) {
		long seconds = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt();
			case 2 -> 1_700_000_000L + random.nextInt(100_000_000);
			default -> random.nextLong() % 300_000_000_000L;
		};
		int nanos = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1000;
			default -> random.nextInt(1_000_000_000);
		};
		return Instant.ofEpochSecond(seconds, nanos);
	}

}
