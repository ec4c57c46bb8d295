package nl.ketenpoort.gateway.delivery.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of delivery.
 *
 * @param enabled whether this node delivers (a node may only accept)
 * @param pollInterval how often the outbox is checked for due exchanges
 * @param batchSize how many exchanges one claim takes
 * @param lease how long a claimed exchange is reserved for this node; a node that dies
 * while delivering leaves it to be claimed again after this
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between attempts
 * @param giveUpAfter how long after acceptance retrying stops and the exchange is
 * dead-lettered
 * @param maxAttempts the most attempts before the exchange is dead-lettered
 */
@ConfigurationProperties("ketenpoort.delivery")
public record DeliverySettings(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("20") int batchSize, @DefaultValue("2m") Duration lease,
		@DefaultValue("2s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("40") int maxAttempts) {

}
