package nl.ketenpoort.gateway.metrics.internal;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeAccepted;
import nl.ketenpoort.gateway.exchange.ExchangeDeadLettered;
import nl.ketenpoort.gateway.exchange.ExchangeDelivered;
import nl.ketenpoort.gateway.exchange.ExchangeFailed;
import nl.ketenpoort.gateway.exchange.ExchangeWithheld;
import nl.ketenpoort.gateway.exchange.SubmissionRefused;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what happens to exchanges from the events the exchange module publishes. Labels
 * are bounded by configuration only (purpose from the catalogue, partner from the
 * register, reason codes from an enum), never a subject, an exchange or a person: a value
 * outside them is counted as {@code other}, so a caller cannot grow the series.
 */
@Component
class ExchangeMetrics {

	static final String OTHER = "other";

	private final MeterRegistry meters;

	private final PurposeCatalogue purposes;

	private final Partners partners;

	ExchangeMetrics(MeterRegistry meters, PurposeCatalogue purposes, Partners partners) {
		this.meters = meters;
		this.purposes = purposes;
		this.partners = partners;
	}

	// After commit: an exchange whose transaction rolled back was never accepted or
	// delivered.
	@TransactionalEventListener(fallbackExecution = true)
	void accepted(ExchangeAccepted event) {
		Exchange exchange = event.exchange();
		counter("ketenpoort.exchanges.accepted", "Exchanges accepted into the outbox", exchange, "sender",
				partner(exchange.sender()))
			.increment();
	}

	// A refusal counts whatever becomes of the request's transaction: it was refused.
	@EventListener
	void refused(SubmissionRefused event) {
		Counter.builder("ketenpoort.exchanges.refused")
			.description("Submissions refused before an exchange existed, by reason")
			.tag("reason", bounded(event.reasonCode()))
			.tag("purpose", purpose(event.purpose()))
			.tag("sender", partner(event.sender()))
			.register(this.meters)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void delivered(ExchangeDelivered event) {
		Exchange exchange = event.exchange();
		counter("ketenpoort.exchanges.delivered", "Exchanges the recipient took", exchange, "mode",
				event.collected() ? "collected" : "pushed")
			.increment();
		if (exchange.deliveredAt() != null) {
			Timer.builder("ketenpoort.delivery.lag")
				.description("From acceptance to delivery")
				.tag("purpose", purpose(exchange.purpose()))
				.tag("recipient", partner(exchange.recipient()))
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(10))
				.maximumExpectedValue(Duration.ofDays(3))
				.register(this.meters)
				.record(Duration.between(exchange.acceptedAt(), exchange.deliveredAt()));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void failed(ExchangeFailed event) {
		counter("ketenpoort.exchanges.failed", "Delivery attempts that failed", event.exchange(), "reason",
				bounded(event.reason()), "retrying", String.valueOf(event.retrying()))
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void deadLettered(ExchangeDeadLettered event) {
		counter("ketenpoort.exchanges.dead.lettered", "Exchanges delivery gave up on", event.exchange(), "reason",
				bounded(event.reason()))
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void withheld(ExchangeWithheld event) {
		counter("ketenpoort.exchanges.withheld", "Accepted exchanges refused at delivery: consent no longer holds",
				event.exchange(), "reason", bounded(event.reason()))
			.increment();
	}

	private Counter counter(String name, String description, Exchange exchange, String... tags) {
		return Counter.builder(name)
			.description(description)
			.tag("purpose", purpose(exchange.purpose()))
			.tag("recipient", partner(exchange.recipient()))
			.tags(tags)
			.register(this.meters);
	}

	private String purpose(@Nullable PurposeCode purpose) {
		if (purpose == null) {
			return "none";
		}
		return this.purposes.find(purpose.value()).isPresent() ? purpose.value() : OTHER;
	}

	private String partner(@Nullable PartnerId partner) {
		if (partner == null) {
			return "none";
		}
		return this.partners.find(partner.value()).isPresent() ? partner.value() : OTHER;
	}

	/** Reason codes are upper-case words from enums; anything else is not one. */
	static String bounded(@Nullable String reason) {
		return (reason != null && reason.length() <= 40 && reason.matches("[A-Z][A-Z0-9_]*")) ? reason : OTHER;
	}

}
