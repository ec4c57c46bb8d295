package nl.ketenpoort.gateway.exchange.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.exchange.Exchanges;

/**
 * Forgets delivered payloads after {@code ketenpoort.exchange.purge-after}: the gateway
 * is a conduit, not a store. The audit log keeps the SHA-256 and the field names of what
 * was sent.
 */
@Component
class PayloadPurge {

	private static final Logger log = LoggerFactory.getLogger(PayloadPurge.class);

	private final Exchanges exchanges;

	private final Clock clock;

	private final ExchangeSettings settings;

	PayloadPurge(Exchanges exchanges, Clock clock, ExchangeSettings settings) {
		this.exchanges = exchanges;
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${ketenpoort.exchange.purge-check:1m}", initialDelayString = "30s")
	void purgeDue() {
		int purged = purgeDeliveredBefore(this.clock.instant().minus(this.settings.purgeAfter()));
		if (purged > 0) {
			log.info("Removed the payloads of {} delivered exchanges", purged);
		}
	}

	/** Removes the payloads of exchanges delivered before the given moment. */
	int purgeDeliveredBefore(Instant moment) {
		return this.exchanges.purgeDeliveredBefore(moment);
	}

}
