package nl.ketenpoort.gateway.exchange;

import org.jspecify.annotations.Nullable;

/**
 * The recipient took the exchange: pushed and answered with success, or collected from
 * its inbox and acknowledged.
 *
 * @param exchange the exchange after delivery
 * @param partnerStatus the recipient's HTTP status, when pushed
 * @param partnerTrace the traceparent the recipient answered with, if any
 * @param collected whether the recipient collected it (pull) rather than it being pushed
 */
public record ExchangeDelivered(Exchange exchange, @Nullable Integer partnerStatus, @Nullable String partnerTrace,
		boolean collected) {

}
