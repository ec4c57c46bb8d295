package nl.ketenpoort.gateway.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the login form slows down password guessing ({@code ketenpoort.identity.login.*}).
 * Per account and client address, attempts after {@code freeFailures} failures within
 * {@code failureWindow} wait {@code firstDelay} after the last failure, doubling with
 * every further failure up to {@code longestDelay}; an account that failed
 * {@code lockAfter} times within {@code lockWindow}, from any address, is locked until an
 * operator unlocks it.
 *
 * @param freeFailures failures per account and address that need no waiting
 * @param failureWindow how long a failure counts towards the waiting
 * @param firstDelay the wait after {@code freeFailures} failures
 * @param longestDelay the longest wait
 * @param lockAfter failures of one account, from all addresses, that lock it
 * @param lockWindow how long a failure counts towards the lock
 */
record LoginThrottling(@DefaultValue("5") int freeFailures, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("1s") Duration firstDelay, @DefaultValue("30s") Duration longestDelay,
		@DefaultValue("50") int lockAfter, @DefaultValue("1h") Duration lockWindow) {

	LoginThrottling {
		if (freeFailures < 1 || lockAfter <= freeFailures) {
			throw new IdentitySettingsInvalid(
					"ketenpoort.identity.login.free-failures must be at least 1 and below lock-after");
		}
		if (!positive(failureWindow) || !positive(firstDelay) || !positive(lockWindow)
				|| longestDelay.compareTo(firstDelay) < 0) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.login durations must be positive, and "
					+ "longest-delay at least first-delay");
		}
	}

	/**
	 * The wait after the last of this many recent failures of one account and address.
	 */
	Duration delayAfter(int failures) {
		if (failures < this.freeFailures) {
			return Duration.ZERO;
		}
		Duration delay = this.firstDelay;
		for (int i = this.freeFailures; i < failures && delay.compareTo(this.longestDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.longestDelay) > 0) ? this.longestDelay : delay;
	}

	/** How far back failures count at all. */
	Duration longestWindow() {
		return (this.failureWindow.compareTo(this.lockWindow) > 0) ? this.failureWindow : this.lockWindow;
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
