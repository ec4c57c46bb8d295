package nl.ketenpoort.gateway.exchange;

import java.util.UUID;

import nl.ketenpoort.gateway.identity.Actor;
import org.jspecify.annotations.Nullable;

/**
 * An operator asked to queue an exchange again; recorded whether or not it was queued.
 *
 * @param exchangeId the exchange asked for
 * @param exchange the exchange, when one has this id
 * @param operator who asked
 * @param queued whether it was queued again
 * @param reason the status it left, or why it was not queued
 */
public record ExchangeReplayed(UUID exchangeId, @Nullable Exchange exchange, Actor operator, boolean queued,
		String reason) {

}
