package nl.ketenpoort.gateway.exchange;

import org.jspecify.annotations.Nullable;

/**
 * Delivery gave up on an exchange; an operator may replay it.
 *
 * @param exchange the exchange as dead-lettered
 * @param reason the bounded reason code of the last failure
 * @param partnerStatus the recipient's last HTTP status, if it answered
 */
public record ExchangeDeadLettered(Exchange exchange, String reason, @Nullable Integer partnerStatus) {

}
