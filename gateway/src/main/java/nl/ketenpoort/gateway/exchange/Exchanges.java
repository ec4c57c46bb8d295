package nl.ketenpoort.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import nl.ketenpoort.gateway.exchange.internal.ExchangeRefused;
import nl.ketenpoort.gateway.exchange.internal.PayloadCipher;
import nl.ketenpoort.gateway.exchange.internal.Submission;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * The exchanges, and the only writer of the {@code exchange} table: it stores an accepted
 * exchange and each state change of it together with the event that records it, in one
 * transaction, so that nothing accepted is lost and nothing changes without its record. A
 * change is written only while the stored status is still the one it was decided on, so
 * two gateway nodes never both conclude one exchange.
 */
@Component
public class Exchanges {

	private static final String PLAIN_COLUMNS = "id, sender, recipient, document_type, purpose, legal_basis,"
			+ " consent_id, subject_ref, idempotency_key, request_sha256, payload_sha256, field_names, status,"
			+ " trace_id, sender_operation_id, accepted_at, status_changed_at, delivered_at, attempts,"
			+ " next_attempt_at, last_error, partner_status, purged_at";

	/**
	 * A payload is kept in either column: sealed (format 1, since V3_136) or as the JWE
	 * of earlier releases.
	 */
	private static final String KEPT = "(%1$spayload_sealed IS NOT NULL OR %1$spayload IS NOT NULL)";

	private static final String COLUMNS = PLAIN_COLUMNS + ", " + KEPT.formatted("") + " AS payload_kept";

	private static final String CLAIM_COLUMNS = "e." + PLAIN_COLUMNS.replace(", ", ", e.") + ", " + KEPT.formatted("e.")
			+ " AS payload_kept";

	private final JdbcClient jdbc;

	private final PayloadCipher cipher;

	private final Partners partners;

	private final DocumentSchemas schemas;

	private final JsonMapper json;

	private final Clock clock;

	private final Subjects subjects;

	private final ApplicationEventPublisher events;

	Exchanges(JdbcClient jdbc, PayloadCipher cipher, Partners partners, DocumentSchemas schemas, JsonMapper json,
			Clock clock, Subjects subjects, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.partners = partners;
		this.schemas = schemas;
		this.json = json;
		this.clock = clock;
		this.subjects = subjects;
		this.events = events;
	}

	/**
	 * Stores the accepted exchange; when the sender's idempotency key won a race with a
	 * twin submission, returns the twin's exchange instead (the caller compares the
	 * request hashes).
	 */
	@Transactional
	public Exchange accept(Submission submission) {
		ObjectNode minimised = required(submission.minimised());
		ConsentDecision.Allowed consent = required(submission.consent());
		byte[] payload = this.json.writeValueAsBytes(minimised);
		Exchange accepted = Exchange.accept(UUID.randomUUID(), submission.sender(), required(submission.recipient()),
				required(submission.type()), PurposeCode.of(required(submission.purpose()).code()), consent.basis(),
				consent.consentId(), required(submission.subject()), submission.idempotencyKey(),
				submission.requestSha256(), PayloadCipher.sha256(payload), this.schemas.fieldNames(minimised),
				submission.trace().traceId(), submission.trace().parentOperationId(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		int inserted = this.jdbc
			.sql("INSERT INTO exchange (id, sender, recipient, document_type, purpose, legal_basis, consent_id,"
					+ " subject_ref, idempotency_key, request_sha256, payload_sealed, payload_sha256, field_names, status,"
					+ " trace_id, sender_operation_id, accepted_at, status_changed_at, next_attempt_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " ON CONFLICT (sender, idempotency_key) DO NOTHING")
			.params(accepted.id(), accepted.sender().value(), accepted.recipient().value(),
					accepted.documentType().code(), accepted.purpose().value(), accepted.legalBasis().code(),
					accepted.consentId(), accepted.subject().pseudonym(), accepted.idempotencyKey(),
					accepted.requestSha256(), this.cipher.seal(accepted.id(), payload), accepted.payloadSha256(),
					accepted.fieldNames().toArray(String[]::new), accepted.status().code(), accepted.traceId(),
					accepted.senderOperationId(), Timestamp.from(accepted.acceptedAt()),
					Timestamp.from(accepted.statusChangedAt()), Timestamp.from(accepted.nextAttemptAt()))
			.update();
		if (inserted == 0) {
			return findBySenderAndKey(accepted.sender(), accepted.idempotencyKey()).orElseThrow();
		}
		try {
			// Only an accepted exchange links a V-number and a BSN, in its own
			// transaction.
			this.subjects.linkAccepted(accepted.subject(), required(submission.identifiers()), accepted.id());
		}
		catch (SubjectLinkRefused ex) {
			// Another exchange linked one of the identifiers to someone else meanwhile.
			throw ExchangeRefused.withReason(ProblemCode.INVALID_SUBJECT,
					"The V-number and BSN given belong to different status holders.", submission,
					RefusalReason.IDENTIFIERS_CONFLICT.name());
		}
		// Read back before the audit append: from the append on, the transaction holds
		// the audit chain lock that every other append waits for. For the same reason
		// the row's reference to its accepted event is written by the database as the
		// event is appended (V3_82), not by another statement here.
		Exchange stored = find(accepted.id()).orElseThrow();
		this.events.publishEvent(new ExchangeAccepted(stored, organisation(stored.sender()), submission.trace()));
		return stored;
	}

	/**
	 * Stores a state change and publishes its event in the same transaction, unless the
	 * stored status is no longer the one the change was decided on (another node
	 * concluded it first): then nothing is written or published.
	 * @return whether the change was stored
	 */
	@Transactional
	public boolean apply(Exchange.Transition transition) {
		Exchange from = transition.from();
		Exchange to = transition.to();
		List<String> columns = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		change(columns, values, "status", from.status(), to.status(), ExchangeStatus::code);
		change(columns, values, "attempts", from.attempts(), to.attempts(), (attempts) -> attempts);
		change(columns, values, "next_attempt_at", from.nextAttemptAt(), to.nextAttemptAt(), Timestamp::from);
		change(columns, values, "status_changed_at", from.statusChangedAt(), to.statusChangedAt(), Timestamp::from);
		change(columns, values, "delivered_at", from.deliveredAt(), to.deliveredAt(), Timestamp::from);
		change(columns, values, "last_error", from.lastError(), to.lastError(), (error) -> error);
		change(columns, values, "partner_status", from.partnerStatus(), to.partnerStatus(), (status) -> status);
		change(columns, values, "purged_at", from.purgedAt(), to.purgedAt(), Timestamp::from);
		if (from.payloadKept() && !to.payloadKept()) {
			columns.add("payload_sealed = NULL");
			columns.add("payload = NULL");
		}
		if (columns.isEmpty()) {
			return false;
		}
		values.add(from.id());
		values.add(from.status().code());
		boolean stored = this.jdbc
			.sql("UPDATE exchange SET " + String.join(", ", columns) + " WHERE id = ? AND status = ?")
			.params(values)
			.update() == 1;
		if (stored && transition.event() != null) {
			this.events.publishEvent(transition.event());
		}
		return stored;
	}

	/**
	 * Claims up to {@code batchSize} due exchanges for the given push recipients, for one
	 * lease. Rows are locked {@code FOR NO KEY UPDATE SKIP LOCKED} so several nodes share
	 * the outbox without taking the same row, and only the oldest open exchange per
	 * status holder and recipient is due, so documents arrive in the order they were
	 * submitted. {@code NO KEY}: that is the lock the claim's own update takes, and it
	 * leaves alone the {@code FOR KEY SHARE} lock of a row that refers to the exchange
	 * (the audit chainer's tail anchor, until its batch commits). {@code FOR UPDATE}
	 * would skip every exchange whose events are being chained, right after its 202.
	 */
	@Transactional
	public List<Exchange> claimDue(List<PartnerId> pushRecipients, Duration lease, int batchSize) {
		if (pushRecipients.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<Exchange> due = this.jdbc
			.sql("SELECT " + CLAIM_COLUMNS
					+ " FROM exchange e WHERE e.status IN ('accepted', 'delivering') AND e.next_attempt_at <= ?"
					+ " AND e.recipient = ANY(?) AND NOT EXISTS (SELECT 1 FROM exchange p"
					+ " WHERE p.subject_ref = e.subject_ref AND p.recipient = e.recipient"
					+ " AND p.status IN ('accepted', 'delivering') AND (p.accepted_at, p.id) < (e.accepted_at, e.id))"
					+ " ORDER BY e.accepted_at LIMIT ? FOR NO KEY UPDATE OF e SKIP LOCKED")
			.params(Timestamp.from(now), pushRecipients.stream().map(PartnerId::value).toArray(String[]::new),
					batchSize)
			.query(Exchanges::map)
			.list();
		List<Exchange> claimed = new ArrayList<>();
		for (Exchange exchange : due) {
			Exchange.Transition claim = exchange.claim(now, lease);
			if (apply(claim)) {
				claimed.add(claim.to());
			}
		}
		return claimed;
	}

	/**
	 * Forgets the payloads of exchanges delivered before the given moment, in one
	 * statement whose condition is {@link Exchange#purgeable}.
	 * @return how many payloads were removed
	 */
	public int purgeDeliveredBefore(Instant moment) {
		return this.jdbc
			.sql("UPDATE exchange SET payload_sealed = NULL, payload = NULL, purged_at = now()"
					+ " WHERE status = 'delivered' AND " + KEPT.formatted("")
					+ " AND delivered_at IS NOT NULL AND delivered_at < ?")
			.param(Timestamp.from(moment))
			.update();
	}

	public Optional<Exchange> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM exchange WHERE id = ?")
			.param(id)
			.query(Exchanges::map)
			.optional();
	}

	public Optional<Exchange> findBySenderAndKey(PartnerId sender, String idempotencyKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM exchange WHERE sender = ? AND idempotency_key = ?")
			.params(sender.value(), idempotencyKey)
			.query(Exchanges::map)
			.optional();
	}

	/** What waits in a pull recipient's inbox, oldest first, at most 100. */
	public List<Exchange> waitingFor(PartnerId recipient) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM exchange WHERE recipient = ? AND status IN ('accepted', 'delivering')"
					+ " ORDER BY accepted_at LIMIT 100")
			.param(recipient.value())
			.query(Exchanges::map)
			.list();
	}

	/** The exchanges delivery gave up on (dead-lettered or failed), latest first. */
	public List<Exchange> givenUp() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM exchange WHERE status IN ('dead-lettered', 'failed')"
					+ " ORDER BY status_changed_at DESC LIMIT 500")
			.query(Exchanges::map)
			.list();
	}

	/**
	 * How delivery to one recipient stands.
	 *
	 * @param queued exchanges waiting for delivery
	 * @param givenUp exchanges delivery gave up on (dead-lettered or failed)
	 * @param lastSuccess the last successful delivery
	 * @param lastRetriedFailure the reason of the most recent failed attempt of an
	 * exchange still being delivered
	 * @param lastFailure the most recent delivery problem of any exchange
	 */
	public record Queue(long queued, long givenUp, @Nullable Instant lastSuccess, @Nullable String lastRetriedFailure,
			@Nullable String lastFailure) {
	}

	/** How delivery to this recipient stands. */
	public Queue queueOf(PartnerId recipient) {
		return this.jdbc
			.sql("SELECT count(*) FILTER (WHERE status IN ('accepted', 'delivering')) AS queued,"
					+ " count(*) FILTER (WHERE status IN ('dead-lettered', 'failed')) AS dead,"
					+ " max(delivered_at) AS last_success,"
					+ " (SELECT last_error FROM exchange f WHERE f.recipient = ? AND f.status = 'delivering'"
					+ " AND f.last_error IS NOT NULL ORDER BY f.status_changed_at DESC LIMIT 1) AS last_failure,"
					+ " (SELECT last_error FROM exchange f WHERE f.recipient = ? AND f.last_error IS NOT NULL"
					+ " ORDER BY f.status_changed_at DESC LIMIT 1) AS last_any_failure"
					+ " FROM exchange WHERE recipient = ?")
			.params(recipient.value(), recipient.value(), recipient.value())
			.query((rs, row) -> new Queue(rs.getLong("queued"), rs.getLong("dead"), optionalInstant(rs, "last_success"),
					rs.getString("last_failure"), rs.getString("last_any_failure")))
			.single();
	}

	/**
	 * What waits in the outbox for one recipient: queued for delivery or collection.
	 *
	 * @param depth how many exchanges wait
	 * @param oldestAcceptedAt when the longest-waiting one was accepted
	 */
	public record Outbox(long depth, @Nullable Instant oldestAcceptedAt) {
	}

	/**
	 * The outbox per recipient that has anything waiting, in one query (metrics read it
	 * on every scrape).
	 */
	public java.util.Map<PartnerId, Outbox> outbox() {
		java.util.Map<PartnerId, Outbox> outbox = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT recipient, count(*) AS depth, min(accepted_at) AS oldest FROM exchange"
					+ " WHERE status IN ('accepted', 'delivering') GROUP BY recipient")
			.query((rs) -> {
				outbox.put(PartnerId.of(rs.getString("recipient")),
						new Outbox(rs.getLong("depth"), optionalInstant(rs, "oldest")));
			});
		return outbox;
	}

	/**
	 * The exchanges about one status holder that one of these partners sent or received,
	 * latest first, at most 500.
	 */
	public List<Exchange> about(SubjectRef subject, List<PartnerId> partners) {
		String[] visible = partners.stream().map(PartnerId::value).toArray(String[]::new);
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM exchange WHERE subject_ref = ? AND (sender = ANY(?) OR recipient = ANY(?))"
					+ " ORDER BY accepted_at DESC LIMIT 500")
			.params(subject.pseudonym(), visible, visible)
			.query(Exchanges::map)
			.list();
	}

	/**
	 * The latest delivered exchange of this document type about one status holder
	 * addressed to one of these partners.
	 */
	public Optional<UUID> latestDelivered(SubjectRef subject, DocumentType type, List<PartnerId> recipients) {
		return this.jdbc
			.sql("SELECT id FROM exchange WHERE subject_ref = ? AND document_type = ? AND status = 'delivered'"
					+ " AND recipient = ANY(?) ORDER BY delivered_at DESC NULLS LAST LIMIT 1")
			.params(subject.pseudonym(), type.code(), recipients.stream().map(PartnerId::value).toArray(String[]::new))
			.query(UUID.class)
			.optional();
	}

	/**
	 * The stored payload, decrypted from whichever column holds it; empty once purged.
	 */
	public Optional<String> payload(UUID id) {
		return this.jdbc.sql("SELECT payload_sealed, payload FROM exchange WHERE id = ? AND " + KEPT.formatted(""))
			.param(id)
			.query((rs, row) -> {
				byte[] sealed = rs.getBytes("payload_sealed");
				return (sealed != null) ? this.cipher.open(id, sealed)
						: this.cipher.decryptJwe(rs.getString("payload"));
			})
			.optional()
			.map((plaintext) -> new String(plaintext, StandardCharsets.UTF_8));
	}

	public String organisation(PartnerId partner) {
		return this.partners.find(partner.value()).map((found) -> found.organisation()).orElse(partner.value());
	}

	private static <T> void change(List<String> columns, List<Object> values, String column, @Nullable T from,
			@Nullable T to, Function<T, Object> stored) {
		if (!Objects.equals(from, to)) {
			columns.add(column + " = ?");
			values.add((to != null) ? stored.apply(to) : null);
		}
	}

	private static Exchange map(ResultSet rs, int row) throws SQLException {
		Array fields = rs.getArray("field_names");
		return new Exchange(rs.getObject("id", UUID.class), PartnerId.of(rs.getString("sender")),
				PartnerId.of(rs.getString("recipient")), DocumentType.of(rs.getString("document_type")),
				PurposeCode.of(rs.getString("purpose")), LegalBasis.fromCode(rs.getString("legal_basis")).orElseThrow(),
				rs.getObject("consent_id", UUID.class), new SubjectRef(rs.getString("subject_ref")),
				rs.getString("idempotency_key"), rs.getString("request_sha256"), rs.getString("payload_sha256"),
				Arrays.asList((String[]) fields.getArray()), ExchangeStatus.fromCode(rs.getString("status")),
				rs.getString("trace_id"), rs.getString("sender_operation_id"), instant(rs, "accepted_at"),
				instant(rs, "status_changed_at"), optionalInstant(rs, "delivered_at"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), (Integer) rs.getObject("partner_status"),
				rs.getBoolean("payload_kept"), optionalInstant(rs, "purged_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Persist ran before the earlier accept steps");
		}
		return value;
	}

}
