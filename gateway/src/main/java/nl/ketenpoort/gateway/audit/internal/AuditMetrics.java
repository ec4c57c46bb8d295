package nl.ketenpoort.gateway.audit.internal;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * How long ago the chain head was last signed: a checkpoint that stops moving means
 * truncation of the chain's end could go unnoticed. (Append latency is measured from
 * outside, in the metrics module.)
 */
@Component
class AuditMetrics implements MeterBinder {

	private final AuditCheckpoints checkpoints;

	private final Clock clock;

	AuditMetrics(AuditCheckpoints checkpoints, Clock clock) {
		this.checkpoints = checkpoints;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ketenpoort.audit.checkpoint.age", this, AuditMetrics::checkpointAgeSeconds)
			.description("Time since the last signed checkpoint of the audit chain; NaN before the first")
			.baseUnit("seconds")
			.register(registry);
	}

	private double checkpointAgeSeconds() {
		return this.checkpoints.latest()
			.map((checkpoint) -> Duration.between(checkpoint.createdAt(), this.clock.instant()).toMillis() / 1000.0)
			.orElse(Double.NaN);
	}

}
