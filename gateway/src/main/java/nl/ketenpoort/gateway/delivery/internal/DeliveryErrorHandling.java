package nl.ketenpoort.gateway.delivery.internal;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

import org.springframework.stereotype.Component;

/**
 * Error handling of the delivery routes, declared once and attached by id: a failed round
 * is logged and the next round tries again (claimed exchanges return after their lease).
 */
@Component
class DeliveryErrorHandling extends RouteConfigurationBuilder {

	static final String ID = "delivery-errors";

	@Override
	public void configuration() {
		routeConfiguration(ID).onException(Exception.class)
			.handled(true)
			.log(LoggingLevel.WARN, "Delivery round failed; the next round tries again");
	}

}
