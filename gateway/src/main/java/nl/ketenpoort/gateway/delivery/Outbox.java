package nl.ketenpoort.gateway.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims due exchanges for this node and records how their delivery went. Claims use
 * {@code FOR UPDATE SKIP LOCKED} so several gateway nodes share the outbox without taking
 * the same row, and only the oldest open exchange per status holder and recipient is due,
 * so documents arrive in the order they were submitted.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeliverySettings settings;

	Outbox(JdbcClient jdbc, Clock clock, DeliverySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/** Reserves up to a batch of due exchanges for the given push recipients. */
	@Transactional
	List<UUID> claim(List<String> pushRecipients) {
		if (pushRecipients.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<UUID> claimed = this.jdbc
			.sql("SELECT e.id FROM exchange e WHERE e.status IN ('accepted', 'delivering') AND e.next_attempt_at <= ?"
					+ " AND e.recipient = ANY(?) AND NOT EXISTS (SELECT 1 FROM exchange p"
					+ " WHERE p.subject_ref = e.subject_ref AND p.recipient = e.recipient"
					+ " AND p.status IN ('accepted', 'delivering') AND (p.accepted_at, p.id) < (e.accepted_at, e.id))"
					+ " ORDER BY e.accepted_at LIMIT ? FOR UPDATE OF e SKIP LOCKED")
			.params(Timestamp.from(now), pushRecipients.toArray(String[]::new), this.settings.batchSize())
			.query(UUID.class)
			.list();
		for (UUID id : claimed) {
			this.jdbc
				.sql("UPDATE exchange SET status = 'delivering', attempts = attempts + 1, next_attempt_at = ?,"
						+ " status_changed_at = ? WHERE id = ?")
				.params(Timestamp.from(now.plus(this.settings.lease())), Timestamp.from(now), id)
				.update();
		}
		return claimed;
	}

	/** Records a final state (delivered, refused, failed, dead-lettered). */
	boolean finish(UUID id, ExchangeStatus status, @Nullable String lastError, @Nullable Integer partnerStatus) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("UPDATE exchange SET status = ?, last_error = ?, partner_status = ?, status_changed_at = ?,"
					+ " delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,"
					+ " payload = CASE WHEN ? = 'refused' THEN NULL ELSE payload END"
					+ " WHERE id = ? AND status = 'delivering'")
			.params(status.code(), lastError, partnerStatus, Timestamp.from(now), status.code(), Timestamp.from(now),
					status.code(), id)
			.update() == 1;
	}

	/** Schedules the next attempt after a failure that may pass. */
	boolean retryLater(UUID id, Instant nextAttempt, String lastError, @Nullable Integer partnerStatus) {
		return this.jdbc
			.sql("UPDATE exchange SET next_attempt_at = ?, last_error = ?, partner_status = ?"
					+ " WHERE id = ? AND status = 'delivering'")
			.params(Timestamp.from(nextAttempt), lastError, partnerStatus, id)
			.update() == 1;
	}

	/**
	 * Puts a dead-lettered or failed exchange back in the queue, as new.
	 * @return the status it had, or empty when it was no dead letter with its payload
	 */
	Optional<ExchangeStatus> replay(UUID id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("WITH previous AS (SELECT id, status FROM exchange WHERE id = ?"
					+ " AND status IN ('dead-lettered', 'failed') AND payload IS NOT NULL FOR UPDATE)"
					+ " UPDATE exchange e SET status = 'accepted', attempts = 0, next_attempt_at = ?,"
					+ " status_changed_at = ? FROM previous p WHERE e.id = p.id RETURNING p.status")
			.params(id, now, now)
			.query((rs, row) -> ExchangeStatus.fromCode(rs.getString(1)))
			.optional();
	}

}
