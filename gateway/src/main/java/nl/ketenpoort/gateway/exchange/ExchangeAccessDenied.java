package nl.ketenpoort.gateway.exchange;

import nl.ketenpoort.gateway.identity.Actor;

/**
 * A partner asked for an exchange that is not its own to read or acknowledge; it is
 * answered as not found and recorded in a transaction of its own, since the request
 * fails.
 *
 * @param actor who asked
 * @param reason the bounded reason code
 * @param exchange the exchange asked for
 */
public record ExchangeAccessDenied(Actor actor, String reason, Exchange exchange) {

}
