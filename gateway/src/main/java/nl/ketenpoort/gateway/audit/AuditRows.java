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
			+ " prev_hash, hash, actor_mandate";

	static final RowMapper<AuditRecord> MAPPER = AuditRows::map;

	private AuditRows() {
	}

	static void insert(JdbcClient jdbc, AuditRecord record) {
		AuditEvent event = record.event();
		AuditTrace trace = event.trace();
		jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.position(), record.eventId(), Timestamp.from(record.recordedAt()),
					(trace != null) ? trace.traceId() : null, record.operationId(),
					(trace != null) ? trace.parentOperationId() : null, (trace != null) ? trace.foreignTraceId() : null,
					(trace != null) ? trace.foreignOperationId() : null, event.type().code(), event.outcome().name(),
					event.reasonCode(), event.actor().kind(), event.actor().id(), event.actor().role(),
					event.actor().organisation(), event.purpose(), event.legalBasis(), event.consentId(),
					event.subjectRef(), event.sender(), event.recipient(), event.documentType(), event.exchangeId(),
					event.fieldNames().toArray(String[]::new), event.payloadSha256(), event.partnerStatus(),
					(event.startedAt() != null) ? Timestamp.from(event.startedAt()) : null,
					Timestamp.from(record.recordedAt()), record.prevHash(), record.hash(), event.actor().mandate())
			.update();
	}

	/**
	 * Reads a row of {@link #COLUMNS} by index (1-based, in the order of the list), which
	 * is much cheaper than by name when verification maps millions of rows.
	 */
	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		long position = rs.getLong(1);
		UUID eventId = rs.getObject(2, UUID.class);
		Instant recordedAt = rs.getTimestamp(3).toInstant();
		AuditTrace trace = new AuditTrace(rs.getString(4), rs.getString(6), rs.getString(7), rs.getString(8));
		String operationId = rs.getString(5);
		AuditEventType type = AuditEventType.fromCode(rs.getString(9));
		AuditOutcome outcome = AuditOutcome.valueOf(rs.getString(10));
		String reasonCode = rs.getString(11);
		AuditActor actor = new AuditActor(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
				rs.getObject(31, UUID.class));
		String purpose = rs.getString(16);
		String legalBasis = rs.getString(17);
		UUID consentId = rs.getObject(18, UUID.class);
		String subjectRef = rs.getString(19);
		String sender = rs.getString(20);
		String recipient = rs.getString(21);
		String documentType = rs.getString(22);
		UUID exchangeId = rs.getObject(23, UUID.class);
		List<String> fieldNames = strings(rs.getArray(24));
		String payloadSha256 = rs.getString(25);
		Integer partnerStatus = (Integer) rs.getObject(26);
		Instant startedAt = instant(rs.getTimestamp(27));
		// 28 is ended_at: not part of the record (it is written as recorded_at)
		String prevHash = rs.getString(29);
		String hash = rs.getString(30);
		AuditEvent event = new AuditEvent(type, outcome, reasonCode, actor, purpose, legalBasis, consentId, subjectRef,
				sender, recipient, documentType, exchangeId, fieldNames, payloadSha256, partnerStatus, startedAt,
				trace);
		return new AuditRecord(position, eventId, recordedAt, operationId, event, prevHash, hash);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
