package nl.ketenpoort.gateway.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

/**
 * The outbox per registered partner: how many exchanges wait for it and how long the
 * oldest has waited. Read from the database (the outbox is shared by every node), at most
 * once per second however many gauges a scrape reads.
 */
class OutboxMetrics implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final Exchanges exchanges;

	private final Partners partners;

	private final Clock clock;

	private @Nullable Snapshot snapshot;

	OutboxMetrics(Exchanges exchanges, Partners partners, Clock clock) {
		this.exchanges = exchanges;
		this.partners = partners;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Partner partner : this.partners.all()) {
			PartnerId id = PartnerId.of(partner.id());
			Gauge.builder("ketenpoort.outbox.depth", this, (metrics) -> metrics.outbox(id).depth())
				.description("Exchanges waiting for delivery to or collection by the partner")
				.tag("partner", partner.id())
				.register(registry);
			Gauge.builder("ketenpoort.outbox.oldest.age", this, (metrics) -> metrics.oldestAgeSeconds(id))
				.description("How long the oldest waiting exchange for the partner has waited")
				.tag("partner", partner.id())
				.baseUnit("seconds")
				.register(registry);
		}
	}

	private double oldestAgeSeconds(PartnerId partner) {
		Instant oldest = outbox(partner).oldestAcceptedAt();
		if (oldest == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0);
	}

	private Exchanges.Outbox outbox(PartnerId partner) {
		return current().outbox().getOrDefault(partner, new Exchanges.Outbox(0, null));
	}

	private synchronized Snapshot current() {
		Instant now = this.clock.instant();
		if (this.snapshot == null || this.snapshot.readAt().plus(FRESH).isBefore(now)) {
			this.snapshot = new Snapshot(this.exchanges.outbox(), now);
		}
		return this.snapshot;
	}

	private record Snapshot(Map<PartnerId, Exchanges.Outbox> outbox, Instant readAt) {
	}

}
