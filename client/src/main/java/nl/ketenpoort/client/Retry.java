package nl.ketenpoort.client;

import java.time.Duration;

/**
 * How often and how patiently a submission is retried: after a 429, 502, 503 or 504, or
 * when the connection failed, with the same {@code Idempotency-Key}, waiting
 * {@code first}, then twice as long each time up to {@code max} (a {@code Retry-After} of
 * the gateway counts when it is longer).
 *
 * @param attempts the most attempts in all, at least one
 * @param first the wait after the first failed attempt
 * @param max the longest wait
 */
public record Retry(int attempts, Duration first, Duration max) {

	/** Five attempts, from half a second up to eight seconds apart. */
	public static final Retry DEFAULT = new Retry(5, Duration.ofMillis(500), Duration.ofSeconds(8));

	public Retry {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
	}

	Duration after(int failedAttempts) {
		long millis = this.first.toMillis() << Math.min(failedAttempts - 1, 20);
		return Duration.ofMillis(Math.min(millis, this.max.toMillis()));
	}

}
