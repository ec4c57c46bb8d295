package nl.ketenpoort.gateway.identity.internal;

import java.time.Duration;

import nl.ketenpoort.gateway.problem.ProblemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its password was checked: the account and client address must
 * wait ({@link ProblemCode#LOGIN_THROTTLED}, with the wait), or the account is locked
 * ({@link ProblemCode#LOGIN_LOCKED}).
 */
class LoginThrottled extends AuthenticationException {

	private final ProblemCode code;

	private final @Nullable Duration retryAfter;

	private LoginThrottled(ProblemCode code, @Nullable Duration retryAfter) {
		super(code.title());
		this.code = code;
		this.retryAfter = retryAfter;
	}

	static LoginThrottled waitFor(Duration retryAfter) {
		return new LoginThrottled(ProblemCode.LOGIN_THROTTLED, retryAfter);
	}

	static LoginThrottled locked() {
		return new LoginThrottled(ProblemCode.LOGIN_LOCKED, null);
	}

	ProblemCode code() {
		return this.code;
	}

	/** The wait, when waiting helps. */
	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds for {@code Retry-After}, rounded up. */
	long retryAfterSeconds() {
		if (this.retryAfter == null) {
			return 0;
		}
		long seconds = this.retryAfter.toSeconds();
		return (this.retryAfter.minusSeconds(seconds).isZero()) ? seconds : seconds + 1;
	}

}
