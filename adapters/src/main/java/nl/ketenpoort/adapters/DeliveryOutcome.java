package nl.ketenpoort.adapters;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What became of one delivery attempt: delivered, worth retrying later, or never going to
 * succeed as it is (dead-letter it).
 */
public sealed interface DeliveryOutcome
		permits DeliveryOutcome.Delivered, DeliveryOutcome.RetryableFailure, DeliveryOutcome.PermanentFailure {

	/**
	 * Whether the partner accepted the document.
	 * @return {@code true} for {@link Delivered}
	 */
	default boolean delivered() {
		return this instanceof Delivered;
	}

	/**
	 * The partner accepted the document.
	 *
	 * @param partnerStatus the HTTP status the partner answered, {@code null} for a file
	 * drop
	 * @param receiptId the partner's own id for what it received, or the dropped file's
	 * name
	 * @param partnerTrace the partner's {@code traceresponse} (or {@code traceparent})
	 * header
	 */
	record Delivered(@Nullable Integer partnerStatus, @Nullable String receiptId,
			@Nullable String partnerTrace) implements DeliveryOutcome {

	}

	/**
	 * The attempt failed for a reason that may pass: server error, throttling, timeout,
	 * connection refused, an I/O error.
	 *
	 * @param kind why it failed
	 * @param partnerStatus the HTTP status, when the partner answered at all
	 * @param retryAfter the partner's {@code Retry-After} in seconds, when it sent one
	 */
	record RetryableFailure(FailureKind kind, @Nullable Integer partnerStatus,
			@Nullable Duration retryAfter) implements DeliveryOutcome {

		public RetryableFailure {
			Objects.requireNonNull(kind, "kind");
		}

	}

	/**
	 * The attempt failed in a way that repeating it unchanged will not fix: the partner
	 * refused the request (4xx), or the document does not fit the partner's format.
	 *
	 * @param kind why it failed
	 * @param partnerStatus the HTTP status, when the partner answered
	 */
	record PermanentFailure(FailureKind kind, @Nullable Integer partnerStatus) implements DeliveryOutcome {

		public PermanentFailure {
			Objects.requireNonNull(kind, "kind");
		}

	}

	/**
	 * Why a delivery attempt failed, as a stable code for the audit log and dead letters.
	 */
	enum FailureKind {

		/** The partner answered 5xx. Retryable. */
		SERVER_ERROR,

		/**
		 * The partner answered 408, 425 or 429: asked us to come back later. Retryable.
		 */
		THROTTLED,

		/**
		 * No answer within the response timeout, or no connection within the connect
		 * timeout. Retryable.
		 */
		TIMEOUT,

		/** Nobody listens at the target. Retryable. */
		CONNECTION_REFUSED,

		/**
		 * Another I/O failure: unknown host, TLS, a broken connection, a full disk.
		 * Retryable.
		 */
		IO_ERROR,

		/** The partner refused the request (4xx). Permanent. */
		CLIENT_ERROR,

		/** The partner answered with a status we never expect (1xx, 3xx). Permanent. */
		UNEXPECTED_STATUS,

		/**
		 * The document type or a field does not fit the partner's native format.
		 * Permanent.
		 */
		NOT_MAPPABLE,

		/**
		 * The target is not usable by this adapter kind (wrong scheme, not a directory).
		 * Permanent.
		 */
		INVALID_TARGET;

	}

}
