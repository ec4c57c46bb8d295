package nl.ketenpoort.gateway.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads, never writes, the state of delivery from the exchange table for the operator:
 * the exchanges delivery gave up on, and per partner what waits and when delivery last
 * succeeded.
 */
@Component
class DeliveryState {

	private final JdbcClient jdbc;

	private final Partners partners;

	DeliveryState(JdbcClient jdbc, Partners partners) {
		this.jdbc = jdbc;
		this.partners = partners;
	}

	List<DeadLetter> deadLetters() {
		return this.jdbc.sql("""
				SELECT id, document_type, sender, recipient, status, attempts, last_error, status_changed_at
				FROM exchange WHERE status IN ('dead-lettered', 'failed')
				ORDER BY status_changed_at DESC LIMIT 500""")
			.query((rs, row) -> new DeadLetter(rs.getObject("id", UUID.class), rs.getString("document_type"),
					rs.getString("sender"), rs.getString("recipient"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getTimestamp("status_changed_at").toInstant()))
			.list();
	}

	List<Health> health() {
		return this.partners.all().stream().map(this::health).toList();
	}

	private Health health(Partner partner) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status IN ('accepted', 'delivering')) AS queued,
				count(*) FILTER (WHERE status IN ('dead-lettered', 'failed')) AS dead,
				max(delivered_at) AS last_success,
				(SELECT last_error FROM exchange f WHERE f.recipient = ? AND f.last_error IS NOT NULL
				ORDER BY f.status_changed_at DESC LIMIT 1) AS last_failure
				FROM exchange WHERE recipient = ?""").params(partner.id(), partner.id()).query((rs, row) -> {
			Timestamp success = rs.getTimestamp("last_success");
			return new Health(partner.displayName(), rs.getLong("queued"), rs.getLong("dead"),
					(success != null) ? success.toInstant() : null, rs.getString("last_failure"));
		}).single();
	}

	/** An exchange delivery gave up on; no content and no subject. */
	record DeadLetter(UUID id, String documentType, String sender, String recipient, String status, int attempts,
			@Nullable String lastError, Instant since) {
	}

	/** One partner's delivery health. */
	record Health(String partner, long queued, long deadLetters, @Nullable Instant lastSuccess,
			@Nullable String lastFailure) {
	}

}
