package nl.ketenpoort.gateway.metrics.internal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.partner.Partners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meters that are not counted from events. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/** Static: a post-processor is created before other beans, the registry later. */
	@Bean
	static MeteredCalls meteredCalls(ObjectProvider<MeterRegistry> meters) {
		return new MeteredCalls(meters);
	}

	@Bean
	OutboxMetrics outboxMetrics(Exchanges exchanges, Partners partners, Clock clock) {
		return new OutboxMetrics(exchanges, partners, clock);
	}

}
