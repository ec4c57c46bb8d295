package nl.ketenpoort.gateway.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.gateway.delivery.PartnerCircuits;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Reads, never writes, the state of delivery for the operator: the exchanges delivery
 * gave up on, and per partner what waits and when delivery last succeeded.
 */
@Component
class DeliveryState {

	private final Exchanges exchanges;

	private final Partners partners;

	private final PartnerCircuits circuits;

	DeliveryState(Exchanges exchanges, Partners partners, PartnerCircuits circuits) {
		this.exchanges = exchanges;
		this.partners = partners;
		this.circuits = circuits;
	}

	List<DeadLetter> deadLetters() {
		return this.exchanges.givenUp()
			.stream()
			.map((exchange) -> new DeadLetter(exchange.id(), exchange.documentType().code(), exchange.sender().value(),
					exchange.recipient().value(), exchange.status().code(), exchange.attempts(), exchange.lastError(),
					exchange.statusChangedAt()))
			.toList();
	}

	List<Health> health() {
		return this.partners.all().stream().map(this::health).toList();
	}

	private Health health(Partner partner) {
		Exchanges.Queue queue = this.exchanges.queueOf(PartnerId.of(partner.id()));
		return new Health(partner.displayName(), queue.queued(), queue.givenUp(), queue.lastSuccess(),
				queue.lastFailure(), this.circuits.state(partner.id()).code());
	}

	/** An exchange delivery gave up on; no content and no subject. */
	record DeadLetter(UUID id, String documentType, String sender, String recipient, String status, int attempts,
			@Nullable String lastError, Instant since) {
	}

	/** One partner's delivery health. */
	record Health(String partner, long queued, long deadLetters, @Nullable Instant lastSuccess,
			@Nullable String lastFailure, String circuit) {
	}

}
