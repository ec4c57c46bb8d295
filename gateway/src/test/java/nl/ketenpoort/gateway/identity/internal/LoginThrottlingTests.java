package nl.ketenpoort.gateway.identity.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The back-off of the login form: free attempts, then 1 s doubling per failure up to 30
 * s.
 */
class LoginThrottlingTests {

	private final LoginThrottling defaults = new LoginThrottling(5, Duration.ofMinutes(15), Duration.ofSeconds(1),
			Duration.ofSeconds(30), 50, Duration.ofHours(1));

	@Test
	void theFirstFiveFailuresNeedNoWaiting() {
		for (int failures = 0; failures < 5; failures++) {
			assertThat(this.defaults.delayAfter(failures)).as("after %d failures", failures).isZero();
		}
	}

	@Test
	void afterFiveFailuresTheWaitStartsAtOneSecondAndDoubles() {
		assertThat(this.defaults.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.defaults.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.defaults.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.defaults.delayAfter(8)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.defaults.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
	}

	@Test
	void theWaitStopsGrowingAtThirtySeconds() {
		assertThat(this.defaults.delayAfter(10)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.defaults.delayAfter(49)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.defaults.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void failuresCountAsLongAsTheLongerWindow() {
		assertThat(this.defaults.longestWindow()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void settingsThatCouldNotThrottleAreRefused() {
		assertThatExceptionOfType(IdentitySettingsInvalid.class).isThrownBy(() -> new LoginThrottling(0,
				Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(30), 50, Duration.ofHours(1)));
		assertThatExceptionOfType(IdentitySettingsInvalid.class).isThrownBy(() -> new LoginThrottling(5,
				Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMillis(500), 50, Duration.ofHours(1)));
		assertThatExceptionOfType(IdentitySettingsInvalid.class).isThrownBy(() -> new LoginThrottling(5, Duration.ZERO,
				Duration.ofSeconds(1), Duration.ofSeconds(30), 50, Duration.ofHours(1)));
	}

	@Test
	void retryAfterIsRoundedUpToWholeSeconds() {
		assertThat(LoginThrottled.waitFor(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
		assertThat(LoginThrottled.waitFor(Duration.ofMillis(1000)).retryAfterSeconds()).isEqualTo(1);
		assertThat(LoginThrottled.waitFor(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
		assertThat(LoginThrottled.locked().retryAfterSeconds()).isZero();
	}

}
