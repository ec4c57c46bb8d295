package nl.ketenpoort.gateway.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.exchange.ExchangeRecord;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.ExchangeStore;
import nl.ketenpoort.gateway.identity.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges that delivery gave up on (dead-lettered after the retry limit, or failed at
 * once on a partner's 4xx), for an operator to inspect and replay once the cause is
 * fixed.
 */
@Component
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final JdbcClient jdbc;

	private final ExchangeStore exchanges;

	private final Outbox outbox;

	private final AuditTrail audit;

	DeadLetters(JdbcClient jdbc, ExchangeStore exchanges, Outbox outbox, AuditTrail audit) {
		this.jdbc = jdbc;
		this.exchanges = exchanges;
		this.outbox = outbox;
		this.audit = audit;
	}

	public List<ExchangeRecord> list() {
		return this.jdbc
			.sql("SELECT id FROM exchange WHERE status IN ('dead-lettered', 'failed') ORDER BY status_changed_at DESC"
					+ " LIMIT 500")
			.query(UUID.class)
			.list()
			.stream()
			.flatMap((id) -> this.exchanges.find(id).stream())
			.toList();
	}

	/**
	 * Queues the exchange again; consent is checked again when it is delivered. Every
	 * attempt is audited as {@code replayed} in the same transaction, with the operator
	 * as actor and no subject: the reason is the status it left, or why it was refused.
	 * @return whether the exchange was queued again
	 */
	@Transactional
	public boolean replay(UUID exchangeId, Actor operator) {
		Optional<ExchangeStatus> previous = this.outbox.replay(exchangeId);
		Optional<ExchangeRecord> exchange = this.exchanges.find(exchangeId);
		String reason = previous.map(ExchangeStatus::name).orElseGet(() -> refusal(exchange));
		AuditEvent.Builder event = AuditEvent
			.of(AuditEventType.REPLAYED, previous.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.REFUSED,
					AuditActor.of(operator))
			.reason(reason);
		exchange.ifPresent((found) -> event.purpose(found.purpose(), null)
			.route(found.sender(), found.recipient())
			.document(found.documentType(), found.id()));
		this.audit.append(event.build());
		if (previous.isPresent()) {
			log.info("An operator replayed a {} exchange", previous.get().code());
		}
		else {
			log.debug("Refused a replay: {}", reason);
		}
		return previous.isPresent();
	}

	private static String refusal(Optional<ExchangeRecord> exchange) {
		boolean deadLetter = exchange
			.map((found) -> found.status() == ExchangeStatus.DEAD_LETTERED || found.status() == ExchangeStatus.FAILED)
			.orElse(false);
		// A dead letter whose payload is gone can never be delivered again.
		return deadLetter ? "PAYLOAD_GONE" : "NOT_A_DEAD_LETTER";
	}

}
