package nl.ketenpoort.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: stores an accepted exchange and its {@code accepted} audit event in one
 * transaction, so that nothing accepted is lost and nothing is stored without its record.
 */
@Component
public class ExchangeStore {

	private static final String COLUMNS = "id, sender, recipient, document_type, purpose, legal_basis, consent_id,"
			+ " subject_ref, idempotency_key, request_sha256, payload_sha256, field_names, status, trace_id,"
			+ " accepted_at, status_changed_at, delivered_at, attempts, last_error, partner_status";

	private final JdbcClient jdbc;

	private final PayloadCipher cipher;

	private final AuditTrail audit;

	private final Partners partners;

	private final DocumentSchemas schemas;

	private final JsonMapper json;

	private final Clock clock;

	private final Subjects subjects;

	ExchangeStore(JdbcClient jdbc, PayloadCipher cipher, AuditTrail audit, Partners partners, DocumentSchemas schemas,
			JsonMapper json, Clock clock, Subjects subjects) {
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.partners = partners;
		this.schemas = schemas;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the accepted exchange; when the sender's idempotency key won a race with a
	 * twin submission, returns the twin's exchange instead (the caller compares the
	 * request hashes).
	 */
	@Transactional
	public ExchangeRecord persist(Submission submission) {
		ObjectNode minimised = required(submission.minimised());
		ConsentDecision.Allowed consent = required(submission.consent());
		byte[] payload = this.json.writeValueAsBytes(minimised);
		String payloadSha256 = PayloadCipher.sha256(payload);
		List<String> fieldNames = this.schemas.fieldNames(minimised);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		int inserted = this.jdbc
			.sql("INSERT INTO exchange (id, sender, recipient, document_type, purpose, legal_basis, consent_id,"
					+ " subject_ref, idempotency_key, request_sha256, payload, payload_sha256, field_names, status,"
					+ " trace_id, sender_operation_id, accepted_at, status_changed_at, next_attempt_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " ON CONFLICT (sender, idempotency_key) DO NOTHING")
			.params(id, submission.sender(), submission.recipient(), required(submission.type()).code(),
					required(submission.purpose()).code(), consent.basis().code(), consent.consentId(),
					required(submission.subject()).pseudonym(), submission.idempotencyKey(), submission.requestSha256(),
					this.cipher.encrypt(payload), payloadSha256, fieldNames.toArray(String[]::new),
					ExchangeStatus.ACCEPTED.code(), submission.trace().traceId(),
					submission.trace().parentOperationId(), Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return findBySenderAndKey(submission.sender(), submission.idempotencyKey()).orElseThrow();
		}
		try {
			// Only an accepted exchange links a V-number and a BSN, in its own
			// transaction.
			this.subjects.linkAccepted(required(submission.subject()), required(submission.identifiers()), id);
		}
		catch (SubjectLinkRefused ex) {
			// Another exchange linked one of the identifiers to someone else meanwhile.
			throw ExchangeRefused.withReason(ProblemCode.INVALID_SUBJECT,
					"The V-number and BSN given belong to different status holders.", submission,
					ExchangeRefused.IDENTIFIERS_CONFLICT);
		}
		// Read back before the audit append: from the append on, the transaction holds
		// the audit chain lock that every other append waits for. For the same reason
		// the row's reference to its accepted event is written by the database as the
		// event is appended (V3_82), not by another statement here.
		ExchangeRecord accepted = find(id).orElseThrow();
		this.audit.append(AuditEvent
			.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS,
					AuditActor.partner(submission.sender(), organisation(submission.sender())))
			.purpose(required(submission.purpose()).code(), consent.basis().code())
			.consent(consent.consentId())
			.subject(required(submission.subject()).pseudonym())
			.route(submission.sender(), submission.recipient())
			.document(required(submission.type()).code(), id)
			.payload(fieldNames, payloadSha256)
			.trace(submission.trace())
			.build());
		return accepted;
	}

	public Optional<ExchangeRecord> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM exchange WHERE id = ?")
			.param(id)
			.query(ExchangeStore::map)
			.optional();
	}

	public Optional<ExchangeRecord> findBySenderAndKey(String sender, String idempotencyKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM exchange WHERE sender = ? AND idempotency_key = ?")
			.params(sender, idempotencyKey)
			.query(ExchangeStore::map)
			.optional();
	}

	/** The stored payload, decrypted; empty once purged. */
	public Optional<String> payload(UUID id) {
		return this.jdbc.sql("SELECT payload FROM exchange WHERE id = ? AND payload IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional()
			.map((stored) -> new String(this.cipher.decrypt(stored), StandardCharsets.UTF_8));
	}

	private String organisation(String partnerId) {
		return this.partners.find(partnerId).map((partner) -> partner.organisation()).orElse(partnerId);
	}

	private static ExchangeRecord map(ResultSet rs, int row) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		Array fields = rs.getArray("field_names");
		return new ExchangeRecord(rs.getObject("id", UUID.class), rs.getString("sender"), rs.getString("recipient"),
				rs.getString("document_type"), rs.getString("purpose"), rs.getString("legal_basis"),
				rs.getObject("consent_id", UUID.class), rs.getString("subject_ref"), rs.getString("idempotency_key"),
				rs.getString("request_sha256"), rs.getString("payload_sha256"),
				Arrays.asList((String[]) fields.getArray()), ExchangeStatus.fromCode(rs.getString("status")),
				rs.getString("trace_id"), rs.getTimestamp("accepted_at").toInstant(),
				rs.getTimestamp("status_changed_at").toInstant(), (delivered != null) ? delivered.toInstant() : null,
				rs.getInt("attempts"), rs.getString("last_error"), (Integer) rs.getObject("partner_status"));
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Persist ran before the earlier accept steps");
		}
		return value;
	}

}
