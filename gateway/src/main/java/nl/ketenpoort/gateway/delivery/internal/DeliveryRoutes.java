package nl.ketenpoort.gateway.delivery.internal;

import java.util.List;

import nl.ketenpoort.gateway.exchange.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The delivery loop of this node: a timer claims due exchanges from the outbox and
 * delivers them in parallel. Errors are handled per exchange inside the worker (an
 * exchange whose attempt fails unexpectedly is claimed again after its lease), so the
 * loop itself never stops.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

	private final DeliveryWorker worker;

	private final DeliverySettings settings;

	DeliveryRoutes(DeliveryWorker worker, DeliverySettings settings) {
		this.worker = worker;
		this.settings = settings;
	}

	@Override
	public void configure() {
		from("timer:delivery-poll?period=" + this.settings.pollInterval().toMillis() + "&delay=1000")
			.routeId("delivery-poll")
			.routeConfigurationId(DeliveryErrorHandling.ID)
			.autoStartup(this.settings.enabled())
			.process((exchange) -> exchange.getMessage().setBody(this.worker.claimDue(), List.class))
			.id("claim")
			.split(body())
			.parallelProcessing()
			.process((exchange) -> this.worker.deliver(exchange.getMessage().getMandatoryBody(Exchange.class)))
			.id("deliver");
	}

}
