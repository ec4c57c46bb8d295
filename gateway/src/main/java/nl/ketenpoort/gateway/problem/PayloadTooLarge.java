package nl.ketenpoort.gateway.problem;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * A request body larger than the configured limit; raised while the body is read, so it
 * may arrive wrapped in a parser exception.
 */
public class PayloadTooLarge extends ProblemException {

	public PayloadTooLarge(DataSize limit) {
		super(ProblemCode.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + limit.toKilobytes() + " KB.");
	}

	public static @Nullable PayloadTooLarge causeOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLarge tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
