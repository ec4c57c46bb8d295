package nl.ketenpoort.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of the audit log as stored, with its place in the hash chain.
 *
 * @param position place in the chain, from 1, without gaps
 * @param eventId unique id of the event
 * @param recordedAt when it was recorded (microsecond precision, as PostgreSQL keeps it)
 * @param operationId this event's own operation id (8 bytes hex)
 * @param event what was recorded
 * @param prevHash hash of the previous row (64 zeros for the first)
 * @param hash {@code SHA-256(prevHash || canonical form)}, hex
 */
public record AuditRecord(long position, UUID eventId, Instant recordedAt, String operationId, AuditEvent event,
		String prevHash, String hash) {

	/** The hash before the first event. */
	public static final String GENESIS = "0".repeat(64);

	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	/**
	 * The canonical form: a JSON object with a fixed member order and every member
	 * present. The position is deliberately not part of it, so that a moved row shows as
	 * reordered.
	 */
	static String canonicalForm(UUID eventId, Instant recordedAt, String operationId, AuditEvent event) {
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
		return CANONICAL.writeValueAsString(row);
	}

	static String chainHash(String prevHash, String canonicalForm) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
			digest.update(canonicalForm.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The hash this row should have, recomputed from its content and its stored
	 * predecessor.
	 */
	String recomputedHash() {
		return chainHash(this.prevHash, canonicalForm(this.eventId, this.recordedAt, this.operationId, this.event));
	}

	/** Field names as stored. */
	List<String> fieldNames() {
		return this.event.fieldNames();
	}

}
