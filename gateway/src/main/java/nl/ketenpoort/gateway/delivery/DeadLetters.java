package nl.ketenpoort.gateway.delivery;

import java.util.List;
import java.util.UUID;

import nl.ketenpoort.gateway.exchange.ExchangeRecord;
import nl.ketenpoort.gateway.exchange.ExchangeStore;
import nl.ketenpoort.gateway.identity.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	DeadLetters(JdbcClient jdbc, ExchangeStore exchanges, Outbox outbox) {
		this.jdbc = jdbc;
		this.exchanges = exchanges;
		this.outbox = outbox;
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

	/** Queues the exchange again; consent is checked again when it is delivered. */
	public boolean replay(UUID exchangeId, Actor operator) {
		boolean replayed = this.outbox.replay(exchangeId);
		if (replayed) {
			log.info("Operator {} replayed a dead-lettered exchange", operator.id());
		}
		return replayed;
	}

}
