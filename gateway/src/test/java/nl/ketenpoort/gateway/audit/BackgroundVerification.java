package nl.ketenpoort.gateway.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follows the status of a background verification (API or console page) until it has
 * finished, as a client does: for tests of the callers of verify.
 */
public final class BackgroundVerification {

	private static final Duration AT_MOST = Duration.ofMinutes(1);

	private BackgroundVerification() {
	}

	/**
	 * Reads the status until {@code running} no longer holds, at most a minute.
	 * @param status reads the status once
	 * @param running whether what was read says it still runs
	 * @return the first status read that says it finished
	 */
	public static <T> T awaitFinished(Supplier<T> status, Predicate<T> running) {
		Instant deadline = Instant.now().plus(AT_MOST);
		while (true) {
			T read = status.get();
			if (!running.test(read)) {
				return read;
			}
			assertThat(Instant.now()).as("the verification is still running").isBefore(deadline);
			try {
				// Polling from outside, as a client does; nothing here synchronises with
				// the gateway's own threads.
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
