package nl.ketenpoort.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.internal.AuditLogCorrupted;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * One row of the audit log as stored, with its place in the hash chain.
 *
 * @param position place in the chain, from 1, without gaps; 0 while staged
 * @param eventId unique id of the event
 * @param recordedAt when it was recorded (microsecond precision, as PostgreSQL keeps it)
 * @param operationId this event's own operation id (8 bytes hex)
 * @param event what was recorded
 * @param prevHash hash of the previous row (64 zeros for the first)
 * @param hash {@code SHA-256(prevHash || canonical form)}, hex
 * @param form the canonical form it was hashed with: 1 (a fixed text, every event before
 * the epoch event) or 2 (RFC 8785 of the catalogue's hashed fields); see
 * {@code docs/audit-formats.md}
 */
public record AuditRecord(long position, UUID eventId, Instant recordedAt, String operationId, AuditEvent event,
		@Nullable String prevHash, @Nullable String hash, int form) {

	/**
	 * A record in the current form ({@link AuditCatalogue#FORM}) with its hash computed.
	 */
	public static AuditRecord hashed(long position, UUID eventId, Instant recordedAt, String operationId,
			AuditEvent event, String prevHash) {
		AuditRecord unhashed = new AuditRecord(position, eventId, recordedAt, operationId, event, prevHash, GENESIS,
				AuditCatalogue.FORM);
		return new AuditRecord(position, eventId, recordedAt, operationId, event, prevHash,
				AuditFields.CATALOGUE.hash(unhashed), AuditCatalogue.FORM);
	}

	/**
	 * An event as staged: durable with the change it records, in the current form,
	 * without a place in the chain yet (no position, no hashes) until the chainer links
	 * it.
	 */
	public static AuditRecord staged(UUID eventId, Instant recordedAt, String operationId, AuditEvent event) {
		return new AuditRecord(0, eventId, recordedAt, operationId, event, null, null, AuditCatalogue.FORM);
	}

	/** This staged event at its place in the chain, hashed. */
	public AuditRecord chainedAt(long position, String prevHash) {
		return hashed(position, this.eventId, this.recordedAt, this.operationId, this.event, prevHash);
	}

	/** Whether the event has its place in the chain (a staged one has not). */
	public boolean chained() {
		return this.hash != null;
	}

	/** The hash before the first event. */
	public static final String GENESIS = "0".repeat(64);

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(AuditRecord::sha256);

	private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

	/**
	 * The canonical form 1: a JSON object with a fixed member order and every member
	 * present, except {@code actor_mandate}, which follows {@code actor_organisation}
	 * only when the event concerns a mandate. The position is deliberately not part of
	 * it, so that a moved row shows as reordered.
	 * <p>
	 * Every chain in every database was hashed with this exact text, so it must never
	 * change by a single byte. It is written by hand for speed; it is the same text
	 * Jackson wrote for a {@code LinkedHashMap} of these members (no whitespace,
	 * {@code null} for absent members, {@code partner_status} as a number,
	 * {@code field_names} as an array of strings, strings escaped as Jackson escapes
	 * them: {@code \"}, {@code \\}, the short escapes {@code \b \t \n \f \r}, a
	 * backslash, {@code u00} and two upper-case hex digits for the other characters below
	 * U+0020, everything else raw). {@code AuditCanonicalFormTests} holds the Jackson
	 * rendering as the reference. Form 2 ({@link AuditCatalogue#canonical}) follows it
	 * after the epoch event; nothing is added here any more.
	 */
	static String canonicalFormV1(UUID eventId, Instant recordedAt, String operationId, AuditEvent event) {
		AuditTrace trace = event.trace();
		AuditActor actor = event.actor();
		StringBuilder out = new StringBuilder(1024);
		out.append("{\"event_id\":");
		string(out, eventId.toString());
		out.append(",\"recorded_at\":");
		string(out, recordedAt.toString());
		out.append(",\"trace_id\":");
		string(out, (trace != null) ? trace.traceId() : null);
		out.append(",\"operation_id\":");
		string(out, operationId);
		out.append(",\"parent_operation_id\":");
		string(out, (trace != null) ? trace.parentOperationId() : null);
		out.append(",\"foreign_trace_id\":");
		string(out, (trace != null) ? trace.foreignTraceId() : null);
		out.append(",\"foreign_operation_id\":");
		string(out, (trace != null) ? trace.foreignOperationId() : null);
		out.append(",\"event_type\":");
		string(out, event.type().code());
		out.append(",\"outcome\":");
		string(out, event.outcome().name());
		out.append(",\"reason_code\":");
		string(out, event.reasonCode());
		out.append(",\"actor_kind\":");
		string(out, actor.kind());
		out.append(",\"actor_id\":");
		string(out, actor.id());
		out.append(",\"actor_role\":");
		string(out, actor.role());
		out.append(",\"actor_organisation\":");
		string(out, actor.organisation());
		if (actor.mandate() != null) {
			// Only events of a mandate carry this member, so every chain hashed before
			// mandates existed keeps its exact text.
			out.append(",\"actor_mandate\":");
			string(out, actor.mandate().toString());
		}
		out.append(",\"purpose\":");
		string(out, event.purpose());
		out.append(",\"legal_basis\":");
		string(out, event.legalBasis());
		out.append(",\"consent_id\":");
		string(out, (event.consentId() != null) ? event.consentId().toString() : null);
		out.append(",\"subject_ref\":");
		string(out, event.subjectRef());
		out.append(",\"sender\":");
		string(out, event.sender());
		out.append(",\"recipient\":");
		string(out, event.recipient());
		out.append(",\"document_type\":");
		string(out, event.documentType());
		out.append(",\"exchange_id\":");
		string(out, (event.exchangeId() != null) ? event.exchangeId().toString() : null);
		out.append(",\"field_names\":[");
		List<String> fieldNames = event.fieldNames();
		for (int i = 0; i < fieldNames.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(out, fieldNames.get(i));
		}
		out.append("],\"payload_sha256\":");
		string(out, event.payloadSha256());
		out.append(",\"partner_status\":");
		Integer partnerStatus = event.partnerStatus();
		if (partnerStatus != null) {
			out.append(partnerStatus.intValue());
		}
		else {
			out.append("null");
		}
		out.append(",\"started_at\":");
		string(out, (event.startedAt() != null) ? event.startedAt().toString() : null);
		out.append('}');
		return out.toString();
	}

	/** A JSON string (or {@code null}), escaped exactly as Jackson escapes it. */
	private static void string(StringBuilder out, @Nullable String value) {
		if (value == null) {
			out.append("null");
			return;
		}
		out.append('"');
		int length = value.length();
		int plain = 0;
		while (plain < length && !escaped(value.charAt(plain))) {
			plain++;
		}
		if (plain == length) {
			out.append(value);
		}
		else {
			out.append(value, 0, plain);
			for (int i = plain; i < length; i++) {
				char c = value.charAt(i);
				if (!escaped(c)) {
					out.append(c);
					continue;
				}
				out.append('\\');
				switch (c) {
					case '"' -> out.append('"');
					case '\\' -> out.append('\\');
					case '\b' -> out.append('b');
					case '\t' -> out.append('t');
					case '\n' -> out.append('n');
					case '\f' -> out.append('f');
					case '\r' -> out.append('r');
					default -> out.append("u00").append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
				}
			}
		}
		out.append('"');
	}

	private static boolean escaped(char c) {
		return c < 0x20 || c == '"' || c == '\\';
	}

	/**
	 * {@code SHA-256(prevHash as ASCII || canonical form as UTF-8)}, hex: the chain's
	 * rule, for both forms, also for verifiers that hold only the text (evidence
	 * bundles).
	 */
	public static String chainHash(String prevHash, String canonicalForm) {
		MessageDigest digest = SHA256.get();
		digest.reset();
		digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
		digest.update(canonicalForm.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		return Digests.newSha256();
	}

	/**
	 * The hash this row should have, recomputed from its content and its stored
	 * predecessor.
	 */
	public String recomputedHash() {
		return chainHash(this.prevHash, canonicalForm());
	}

	/** The text the chain hashed for this row, in its form. */
	public String canonicalForm() {
		return switch (this.form) {
			case 1 -> canonicalFormV1(this.eventId, this.recordedAt, this.operationId, this.event);
			case AuditCatalogue.FORM -> AuditFields.CATALOGUE.canonical(this);
			default -> throw new AuditLogCorrupted("Canonical form " + this.form + " is not one Ketenpoort writes");
		};
	}

	/** Field names as stored. */
	List<String> fieldNames() {
		return this.event.fieldNames();
	}

}
