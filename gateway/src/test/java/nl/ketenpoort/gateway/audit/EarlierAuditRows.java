package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * Audit rows exactly as the gateway wrote them before the catalogue's form 2 (commit
 * {@code b1959a1}, schema up to V3_125): hashed in form 1, into the 31 columns that table
 * had, under the same chain lock.
 */
final class EarlierAuditRows {

	/** The columns of {@code audit_event} at V3_125. */
	static final List<String> COLUMNS = List.of("position", "event_id", "recorded_at", "event_type", "outcome",
			"reason_code", "purpose", "legal_basis", "sender", "recipient", "document_type", "field_names",
			"consent_id", "exchange_id", "subject_ref", "actor_kind", "actor_id", "actor_role", "actor_organisation",
			"payload_sha256", "partner_status", "trace_id", "parent_operation_id", "foreign_trace_id",
			"foreign_operation_id", "operation_id", "started_at", "ended_at", "prev_hash", "hash", "actor_mandate");

	private static final String INSERT = "INSERT INTO audit_event (" + String.join(", ", COLUMNS) + ") VALUES ("
			+ String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";

	private EarlierAuditRows() {
	}

	/** Appends one event in form 1, as that commit's {@code AuditTrail.append} did. */
	static AuditRecord append(JdbcClient jdbc, AuditEvent event) {
		Optional<Object[]> head = jdbc.sql("SELECT position, hash FROM audit_event ORDER BY position DESC LIMIT 1")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long position = head.map((h) -> (long) h[0] + 1).orElse(1L);
		String prevHash = head.map((h) -> (String) h[1]).orElse(AuditRecord.GENESIS);
		AuditEvent traced = (event.trace() != null) ? event
				: event.toBuilder().trace(new AuditTrace("4bf92f3577b34da6a3ce929d0e0e4736", null, null, null)).build();
		UUID eventId = UUID.randomUUID();
		Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String operationId = String.format("%016x", position);
		String hash = AuditRecord.chainHash(prevHash,
				AuditRecord.canonicalFormV1(eventId, recordedAt, operationId, traced));
		AuditRecord record = new AuditRecord(position, eventId, recordedAt, operationId, traced, prevHash, hash, 1);
		Object[] parameters = COLUMNS.stream().map((column) -> {
			AuditField field = AuditFields.ALL.stream()
				.filter((candidate) -> candidate.name().equals(column))
				.findFirst()
				.orElseThrow();
			return field.type().parameter(field.of(record));
		}).toArray();
		jdbc.sql(INSERT).params(parameters).update();
		return record;
	}

}
