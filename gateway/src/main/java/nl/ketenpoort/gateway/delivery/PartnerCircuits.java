package nl.ketenpoort.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.ketenpoort.gateway.delivery.internal.CircuitSettings;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A circuit breaker per partner (Resilience4j): a partner that keeps failing is paused
 * (nothing is claimed for it, so nothing is attempted and no attempt is used up), then
 * probed with single deliveries until it takes them again. The outbox stays the durable
 * queue: a paused partner's exchanges wait there. Each node keeps its own breakers.
 */
@Component
public class PartnerCircuits implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(PartnerCircuits.class);

	/**
	 * Where delivery to a partner stands, as the operator page and the metrics name it.
	 */
	public enum State {

		/** Delivering as usual. */
		DELIVERING,
		/** Paused after repeated failures. */
		PAUSED,
		/** Probing whether the partner takes deliveries again. */
		PROBING;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final CircuitBreakerRegistry registry;

	private final Partners partners;

	private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();

	private final boolean enabled;

	PartnerCircuits(CircuitSettings settings, Partners partners, Clock clock) {
		this.partners = partners;
		this.enabled = settings.enabled();
		this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRate())
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumAttempts())
			.waitDurationInOpenState(settings.pause())
			.permittedNumberOfCallsInHalfOpenState(settings.probes())
			// A probe whose outcome never comes (its node died) does not hold the
			// partner in probing for ever: it is paused again and probed anew.
			.maxWaitDurationInHalfOpenState(settings.pause())
			.clock(clock)
			.build());
	}

	/** The breaker of one partner. */
	public CircuitBreaker of(String partner) {
		return this.circuits.computeIfAbsent(partner, (id) -> {
			CircuitBreaker circuit = this.registry.circuitBreaker(id);
			if (!this.enabled) {
				circuit.transitionToDisabledState();
			}
			circuit.getEventPublisher()
				.onStateTransition((event) -> log.info("Delivery to {}: {}", id, event.getStateTransition()));
			return circuit;
		});
	}

	/** Whether delivery to the partner goes on as usual (its breaker closed, or off). */
	public boolean delivering(String partner) {
		CircuitBreaker.State state = of(partner).getState();
		return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.DISABLED;
	}

	public State state(String partner) {
		return switch (of(partner).getState()) {
			case OPEN, FORCED_OPEN -> State.PAUSED;
			case HALF_OPEN -> State.PROBING;
			default -> State.DELIVERING;
		};
	}

	/** Records a delivery the partner answered (taken, or refused as a client error). */
	public void answered(String partner, Duration took) {
		of(partner).onSuccess(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	/**
	 * Records a delivery that failed in a way that may pass: the partner is in trouble.
	 */
	public void failed(String partner, Duration took, String reason) {
		of(partner).onError(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, new PartnerFailing(reason));
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		for (Partner partner : this.partners.all()) {
			for (State state : State.values()) {
				Gauge
					.builder("ketenpoort.partner.circuit.state", this,
							(circuits) -> (circuits.state(partner.id()) == state) ? 1 : 0)
					.description("Delivery state per partner: 1 for the state it is in")
					.tag("partner", partner.id())
					.tag("state", state.code())
					.register(meters);
			}
		}
	}

	/** The failure the breaker counts; carries only a bounded reason code. */
	static final class PartnerFailing extends RuntimeException {

		PartnerFailing(String reason) {
			super(reason, null, false, false);
		}

	}

}
