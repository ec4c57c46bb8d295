package nl.ketenpoort.gateway.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeReplayed;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.identity.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
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

	private final Exchanges exchanges;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DeadLetters(Exchanges exchanges, Clock clock, ApplicationEventPublisher events) {
		this.exchanges = exchanges;
		this.clock = clock;
		this.events = events;
	}

	public List<Exchange> list() {
		return this.exchanges.givenUp();
	}

	/**
	 * Queues the exchange again; consent is checked again when it is delivered. Every
	 * attempt is audited as {@code replayed} in the same transaction, with the operator
	 * as actor and no subject: the reason is the status it left, or why it was refused.
	 * @return whether the exchange was queued again
	 */
	@Transactional
	public boolean replay(UUID exchangeId, Actor operator) {
		Optional<Exchange> exchange = this.exchanges.find(exchangeId);
		Optional<ExchangeStatus> previous = exchange.filter(Exchange::replayable)
			.filter((found) -> this.exchanges.apply(found.replay(this.clock.instant())))
			.map(Exchange::status);
		String reason = previous.map(ExchangeStatus::name).orElseGet(() -> refusal(exchange));
		this.events.publishEvent(
				new ExchangeReplayed(exchangeId, exchange.orElse(null), operator, previous.isPresent(), reason));
		if (previous.isPresent()) {
			log.info("An operator replayed a {} exchange", previous.get().code());
		}
		else {
			log.debug("Refused a replay: {}", reason);
		}
		return previous.isPresent();
	}

	private static String refusal(Optional<Exchange> exchange) {
		// A dead letter whose payload is gone can never be delivered again.
		return exchange.map(Exchange::givenUp).orElse(false) ? "PAYLOAD_GONE" : "NOT_A_DEAD_LETTER";
	}

}
