package nl.ketenpoort.gateway.delivery.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When delivery to a partner pauses: the circuit breaker per partner.
 *
 * @param enabled whether partners are paused at all (off: every partner is always
 * delivered to, as before the breaker)
 * @param failureRate the percentage of failed attempts (server errors, timeouts, refused
 * connections) among the last {@code window} that pauses the partner
 * @param window how many recent attempts count
 * @param minimumAttempts how many attempts there must be before the rate counts
 * @param pause how long a paused partner gets nothing before probes start
 * @param probes how many probe deliveries decide whether delivery resumes
 */
@ConfigurationProperties("ketenpoort.delivery.circuit")
public record CircuitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("50") float failureRate,
		@DefaultValue("10") int window, @DefaultValue("5") int minimumAttempts, @DefaultValue("30s") Duration pause,
		@DefaultValue("2") int probes) {

}
