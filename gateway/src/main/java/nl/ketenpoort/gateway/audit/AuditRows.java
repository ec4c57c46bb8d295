package nl.ketenpoort.gateway.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes {@code audit_event} rows; the one place that knows the column list.
 */
final class AuditRows {

	static final String COLUMNS = "position, event_id, recorded_at, trace_id, operation_id, parent_operation_id,"
			+ " foreign_trace_id, foreign_operation_id, event_type, outcome, reason_code, actor_kind, actor_id,"
			+ " actor_role, actor_organisation, purpose, legal_basis, consent_id, subject_ref, sender, recipient,"
			+ " document_type, exchange_id, field_names, payload_sha256, partner_status, started_at, ended_at,"
			+ " prev_hash, hash";

	static final RowMapper<AuditRecord> MAPPER = AuditRows::map;

	private AuditRows() {
	}

	static void insert(JdbcClient jdbc, AuditRecord record) {
		AuditEvent event = record.event();
		AuditTrace trace = event.trace();
		jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.position(), record.eventId(), Timestamp.from(record.recordedAt()),
					(trace != null) ? trace.traceId() : null, record.operationId(),
					(trace != null) ? trace.parentOperationId() : null, (trace != null) ? trace.foreignTraceId() : null,
					(trace != null) ? trace.foreignOperationId() : null, event.type().code(), event.outcome().name(),
					event.reasonCode(), event.actor().kind(), event.actor().id(), event.actor().role(),
					event.actor().organisation(), event.purpose(), event.legalBasis(), event.consentId(),
					event.subjectRef(), event.sender(), event.recipient(), event.documentType(), event.exchangeId(),
					event.fieldNames().toArray(String[]::new), event.payloadSha256(), event.partnerStatus(),
					(event.startedAt() != null) ? Timestamp.from(event.startedAt()) : null,
					Timestamp.from(record.recordedAt()), record.prevHash(), record.hash())
			.update();
	}

	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		AuditTrace trace = new AuditTrace(rs.getString("trace_id"), rs.getString("parent_operation_id"),
				rs.getString("foreign_trace_id"), rs.getString("foreign_operation_id"));
		AuditActor actor = new AuditActor(rs.getString("actor_kind"), rs.getString("actor_id"),
				rs.getString("actor_role"), rs.getString("actor_organisation"));
		Integer partnerStatus = (Integer) rs.getObject("partner_status");
		AuditEvent event = new AuditEvent(AuditEventType.fromCode(rs.getString("event_type")),
				AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("reason_code"), actor,
				rs.getString("purpose"), rs.getString("legal_basis"), uuid(rs, "consent_id"),
				rs.getString("subject_ref"), rs.getString("sender"), rs.getString("recipient"),
				rs.getString("document_type"), uuid(rs, "exchange_id"), strings(rs.getArray("field_names")),
				rs.getString("payload_sha256"), partnerStatus, instant(rs, "started_at"), trace);
		return new AuditRecord(rs.getLong("position"), rs.getObject("event_id", UUID.class),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("operation_id"), event,
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
