package nl.ketenpoort.gateway.exchange.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange pipeline.
 *
 * @param payloadKey base64 AES-256 key that encrypts stored payloads (new payloads use
 * it)
 * @param previousPayloadKeys earlier keys, still used to decrypt payloads stored under
 * them
 * @param purgeAfter how long a delivered payload is kept before it is removed
 * @param purgeCheck how often the purge runs
 */
@ConfigurationProperties("ketenpoort.exchange")
public record ExchangeSettings(String payloadKey, @DefaultValue List<String> previousPayloadKeys,
		@DefaultValue("24h") Duration purgeAfter, @DefaultValue("1m") Duration purgeCheck) {

}
