package nl.ketenpoort.gateway.delivery.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.adapters.PartnerAdapters;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.delivery.PartnerCircuits;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Delivers one claimed exchange: the consent it was accepted under is checked again (its
 * revocation stops what is still queued, whatever other consent exists), the recipient's
 * adapter sends it with the exchange id as idempotency key, and the outcome is stored
 * together with its event (and so its audit record).
 */
@Component
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Exchanges exchanges;

	private final ConsentChecks consents;

	private final Partners partners;

	private final PartnerAdapters adapters;

	private final AdapterSettings adapterSettings;

	private final JsonMapper json;

	private final Clock clock;

	private final DeliverySettings settings;

	private final PartnerCircuits circuits;

	private final DeliverySpans spans;

	DeliveryWorker(Exchanges exchanges, ConsentChecks consents, Partners partners, PartnerAdapters adapters,
			AdapterSettings adapterSettings, JsonMapper json, Clock clock, DeliverySettings settings,
			PartnerCircuits circuits, DeliverySpans spans) {
		this.circuits = circuits;
		this.spans = spans;
		this.exchanges = exchanges;
		this.consents = consents;
		this.partners = partners;
		this.adapters = adapters;
		this.adapterSettings = adapterSettings;
		this.json = json;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Claims what is due for the push recipients and delivers it; returns how many it
	 * handled.
	 */
	public int runOnce() {
		List<Exchange> claimed = claimDue();
		claimed.forEach(this::deliver);
		return claimed.size();
	}

	/**
	 * Claims what is due: a batch for the partners that take deliveries, nothing for a
	 * paused partner, and one probe for a partner whose pause is over (or that is being
	 * probed and has a probe left).
	 */
	List<Exchange> claimDue() {
		List<PartnerId> delivering = new ArrayList<>();
		List<PartnerId> probed = new ArrayList<>();
		for (Partner partner : this.partners.all()) {
			if (!partner.active() || partner.delivery().isPull()) {
				continue;
			}
			if (this.circuits.delivering(partner.id())) {
				delivering.add(PartnerId.of(partner.id()));
			}
			else if (this.circuits.of(partner.id()).tryAcquirePermission()) {
				probed.add(PartnerId.of(partner.id()));
			}
		}
		List<Exchange> claimed = new ArrayList<>(
				this.exchanges.claimDue(delivering, this.settings.lease(), this.settings.batchSize()));
		for (PartnerId partner : probed) {
			List<Exchange> probe = this.exchanges.claimDue(List.of(partner), this.settings.lease(), 1);
			if (probe.isEmpty()) {
				this.circuits.of(partner.value()).releasePermission();
			}
			claimed.addAll(probe);
		}
		return claimed;
	}

	/**
	 * Delivers one claimed exchange; never throws, so one failure never stops the others.
	 */
	public void deliver(UUID id) {
		this.exchanges.find(id).ifPresent(this::deliver);
	}

	/**
	 * One attempt, in a span of its own that continues the exchange's trace: its log
	 * lines, its audit event and the {@code traceparent} the partner gets name it.
	 */
	void deliver(Exchange exchange) {
		Span span = this.spans.start(exchange);
		try (Tracer.SpanInScope scope = this.spans.inScope(span)) {
			attempt(exchange, span);
		}
		finally {
			span.end();
		}
	}

	private void attempt(Exchange exchange, Span span) {
		try {
			// The very consent the exchange was accepted under, not any covering one: the
			// statement sent and the consent the audit names are the same.
			ConsentDecision decision = this.consents.recheck(exchange.consentId(), exchange.subject(),
					exchange.purpose().value(), exchange.sender().value(), exchange.recipient().value(),
					exchange.documentType());
			if (decision instanceof ConsentDecision.Denied denied) {
				log.debug("Delivery refused at re-check: {}", denied.reason());
				span.tag("ketenpoort.outcome", "withheld");
				this.exchanges.apply(exchange.withhold(this.clock.instant(), denied.reason().name(), false));
				return;
			}
			ConsentDecision.Allowed consent = (ConsentDecision.Allowed) decision;
			Optional<String> payload = this.exchanges.payload(exchange.id());
			Optional<PartnerAdapter> adapter = adapterFor(exchange.recipient());
			Optional<URI> target = targetFor(exchange.recipient());
			if (payload.isEmpty() || adapter.isEmpty() || target.isEmpty()) {
				span.tag("ketenpoort.outcome", "dead-lettered");
				this.exchanges.apply(exchange.deadLetter(this.clock.instant(),
						payload.isEmpty() ? "PAYLOAD_GONE" : "NO_ADAPTER", null));
				return;
			}
			JsonNode document = this.json.readTree(payload.get());
			String traceparent = this.spans.traceparent(span, exchange);
			String id = exchange.id().toString();
			long started = System.nanoTime();
			DeliveryOutcome outcome = adapter.get()
				.deliver(new Delivery(id, id, exchange.documentType(), document, consent.statement(), traceparent,
						target.get()));
			observe(exchange, outcome, Duration.ofNanos(System.nanoTime() - started));
			span.tag("ketenpoort.outcome", outcomeName(outcome));
			record(exchange, outcome);
		}
		catch (RuntimeException ex) {
			span.error(ex);
			// The lease runs out and another attempt follows; the exchange is never lost.
			log.warn("Delivery attempt failed unexpectedly; it will be retried after the lease", ex);
		}
	}

	private void record(Exchange exchange, DeliveryOutcome outcome) {
		Instant now = this.clock.instant();
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			this.exchanges.apply(exchange.deliver(now, delivered.partnerStatus(), delivered.partnerTrace(), false));
		}
		else if (outcome instanceof DeliveryOutcome.PermanentFailure failure) {
			log.debug("Delivery failed permanently: {} ({})", failure.kind(), failure.partnerStatus());
			this.exchanges.apply(exchange.fail(now, failure.kind().name(), failure.partnerStatus()));
		}
		else if (outcome instanceof DeliveryOutcome.RetryableFailure failure) {
			boolean exhausted = exchange.attempts() >= this.settings.maxAttempts()
					|| exchange.acceptedAt().plus(this.settings.giveUpAfter()).isBefore(now);
			if (exhausted) {
				this.exchanges.apply(exchange.deadLetter(now, failure.kind().name(), failure.partnerStatus()));
				return;
			}
			Instant next = now.plus(backoff(exchange.attempts(), failure.retryAfter()));
			this.exchanges.apply(exchange.retry(next, failure.kind().name(), failure.partnerStatus()));
		}
	}

	/**
	 * Tells the partner's breaker how the attempt went: an answer (taken, or refused for
	 * good) shows the partner works; a failure that may pass counts against it.
	 */
	private void observe(Exchange exchange, DeliveryOutcome outcome, Duration took) {
		String partner = exchange.recipient().value();
		if (outcome instanceof DeliveryOutcome.RetryableFailure failure) {
			this.circuits.failed(partner, took, failure.kind().name());
		}
		else {
			this.circuits.answered(partner, took);
		}
	}

	private static String outcomeName(DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.Delivered) {
			return "delivered";
		}
		return (outcome instanceof DeliveryOutcome.RetryableFailure) ? "retryable-failure" : "permanent-failure";
	}

	/** Exponential backoff with jitter, never shorter than the partner's Retry-After. */
	Duration backoff(int attempts, @Nullable Duration retryAfter) {
		long initial = this.settings.initialBackoff().toMillis();
		long exponential = initial << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(exponential, this.settings.maxBackoff().toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		Duration wait = Duration.ofMillis(jittered);
		return (retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter : wait;
	}

	private Optional<PartnerAdapter> adapterFor(PartnerId partner) {
		return this.adapters.all().stream().filter((adapter) -> adapter.partner().equals(partner.value())).findFirst();
	}

	private Optional<URI> targetFor(PartnerId partner) {
		URI configured = this.adapterSettings.targets().get(partner.value());
		if (configured != null) {
			return Optional.of(configured);
		}
		return this.partners.find(partner.value()).flatMap((found) -> found.delivery().pushEndpoint());
	}

}
