package nl.ketenpoort.gateway.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

/**
 * One exchange: a document accepted for a purpose, a sender and a recipient, and where
 * its delivery stands. Its state changes only through the methods below, which refuse a
 * change its status does not allow; {@link Exchanges} stores each change together with
 * the event it publishes.
 *
 * @param id exchange id
 * @param sender sending partner
 * @param recipient receiving partner
 * @param documentType document type
 * @param purpose purpose
 * @param legalBasis legal basis of the consent relied on
 * @param consentId consent relied on
 * @param subject pseudonym of the status holder
 * @param idempotencyKey the sender's key
 * @param requestSha256 SHA-256 of the submitted body
 * @param payloadSha256 SHA-256 of the minimised document
 * @param fieldNames the fields the minimised document holds
 * @param status where it stands
 * @param traceId W3C trace id of the submission
 * @param senderOperationId the sender's own operation (span id), when it sent one
 * @param acceptedAt when it was accepted
 * @param statusChangedAt when its status last changed
 * @param deliveredAt when it was delivered
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when delivery is due (again)
 * @param lastError the last delivery problem, as a reason code
 * @param partnerStatus the recipient's last HTTP status
 * @param payloadKept whether the (encrypted) payload is still stored
 * @param purgedAt when the payload was removed after delivery
 */
public record Exchange(UUID id, PartnerId sender, PartnerId recipient, DocumentType documentType, PurposeCode purpose,
		LegalBasis legalBasis, UUID consentId, SubjectRef subject, String idempotencyKey, String requestSha256,
		String payloadSha256, List<String> fieldNames, ExchangeStatus status, String traceId,
		@Nullable String senderOperationId, Instant acceptedAt, Instant statusChangedAt, @Nullable Instant deliveredAt,
		int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable Integer partnerStatus,
		boolean payloadKept, @Nullable Instant purgedAt) {

	private static final Set<ExchangeStatus> QUEUED = Set.of(ExchangeStatus.ACCEPTED, ExchangeStatus.DELIVERING);

	private static final Set<ExchangeStatus> GIVEN_UP = Set.of(ExchangeStatus.DEAD_LETTERED, ExchangeStatus.FAILED);

	public Exchange {
		fieldNames = List.copyOf(fieldNames);
	}

	/**
	 * A new exchange, accepted now and due for delivery at once.
	 */
	static Exchange accept(UUID id, PartnerId sender, PartnerId recipient, DocumentType documentType,
			PurposeCode purpose, LegalBasis legalBasis, UUID consentId, SubjectRef subject, String idempotencyKey,
			String requestSha256, String payloadSha256, List<String> fieldNames, String traceId,
			@Nullable String senderOperationId, Instant now) {
		return new Exchange(id, sender, recipient, documentType, purpose, legalBasis, consentId, subject,
				idempotencyKey, requestSha256, payloadSha256, fieldNames, ExchangeStatus.ACCEPTED, traceId,
				senderOperationId, now, now, null, 0, now, null, null, true, null);
	}

	/**
	 * Whether it waits for delivery: accepted, or claimed by an attempt not concluded.
	 */
	public boolean queued() {
		return QUEUED.contains(this.status);
	}

	/** Whether delivery gave up on it: dead-lettered or failed. */
	public boolean givenUp() {
		return GIVEN_UP.contains(this.status);
	}

	/**
	 * A delivery attempt reserves it for one lease; an attempt whose node died leaves it
	 * delivering, to be claimed again once the lease ran out.
	 */
	public Transition claim(Instant now, Duration lease) {
		require(queued(), "claimed");
		return new Transition(this, with(ExchangeStatus.DELIVERING, this.attempts + 1, now.plus(lease), now,
				this.deliveredAt, this.lastError, this.partnerStatus, this.payloadKept, this.purgedAt), null);
	}

	/**
	 * A pull recipient collects it from its inbox: delivering until acknowledged, no
	 * attempt counted.
	 */
	public Transition collect() {
		require(this.status == ExchangeStatus.ACCEPTED, "collected");
		return new Transition(this,
				with(ExchangeStatus.DELIVERING, this.attempts, this.nextAttemptAt, this.statusChangedAt,
						this.deliveredAt, this.lastError, this.partnerStatus, this.payloadKept, this.purgedAt),
				null);
	}

	/**
	 * The recipient took it: pushed and answered with success, or acknowledged from the
	 * inbox ({@code collected}).
	 */
	public Transition deliver(Instant now, @Nullable Integer partnerStatus, @Nullable String partnerTrace,
			boolean collected) {
		Exchange delivered = conclude(ExchangeStatus.DELIVERED, now, null, partnerStatus, "delivered");
		return new Transition(this, delivered,
				new ExchangeDelivered(delivered, partnerStatus, partnerTrace, collected));
	}

	/** The recipient refused it for good (a 4xx): no retry. */
	public Transition fail(Instant now, String reason, @Nullable Integer partnerStatus) {
		Exchange failed = conclude(ExchangeStatus.FAILED, now, reason, partnerStatus, "failed");
		return new Transition(this, failed, new ExchangeFailed(failed, reason, partnerStatus, false));
	}

	/** An attempt failed in a way that may pass; the next one is due at {@code next}. */
	public Transition retry(Instant next, String reason, @Nullable Integer partnerStatus) {
		require(this.status == ExchangeStatus.DELIVERING, "retried");
		Exchange retrying = with(this.status, this.attempts, next, this.statusChangedAt, this.deliveredAt, reason,
				partnerStatus, this.payloadKept, this.purgedAt);
		return new Transition(this, retrying, new ExchangeFailed(retrying, reason, partnerStatus, true));
	}

	/**
	 * Delivery gave up: the retries ran out, or it cannot be delivered at all (no
	 * adapter, payload gone). An operator may replay it.
	 */
	public Transition deadLetter(Instant now, String reason, @Nullable Integer partnerStatus) {
		Exchange dead = conclude(ExchangeStatus.DEAD_LETTERED, now, reason, partnerStatus, "dead-lettered");
		return new Transition(this, dead, new ExchangeDeadLettered(dead, reason, partnerStatus));
	}

	/**
	 * The consent it was accepted under no longer holds when it is delivered or
	 * collected: it is refused, and its payload is removed at once.
	 */
	public Transition withhold(Instant now, String reason, boolean collected) {
		Exchange refused = conclude(ExchangeStatus.REFUSED, now, reason, null, "refused");
		refused = refused.with(refused.status, refused.attempts, refused.nextAttemptAt, refused.statusChangedAt,
				refused.deliveredAt, refused.lastError, refused.partnerStatus, false, refused.purgedAt);
		return new Transition(this, refused, new ExchangeWithheld(refused, reason, collected));
	}

	/**
	 * Whether an operator may queue it again: given up on, with its payload still kept.
	 */
	public boolean replayable() {
		return givenUp() && this.payloadKept;
	}

	/** An operator queues it again, as new; consent is checked again at delivery. */
	public Transition replay(Instant now) {
		require(replayable(), "replayed");
		return new Transition(this, with(ExchangeStatus.ACCEPTED, 0, now, now, this.deliveredAt, this.lastError,
				this.partnerStatus, this.payloadKept, this.purgedAt), null);
	}

	/**
	 * Whether its payload is due to be forgotten: delivered before {@code moment} and
	 * still kept. {@link Exchanges#purgeDeliveredBefore} removes such payloads in one
	 * statement with exactly this condition.
	 */
	public boolean purgeable(Instant moment) {
		return this.status == ExchangeStatus.DELIVERED && this.payloadKept && this.deliveredAt != null
				&& this.deliveredAt.isBefore(moment);
	}

	/** The gateway forgets a delivered payload; the audit log keeps its hash. */
	public Transition purge(Instant now, Instant deliveredBefore) {
		require(purgeable(deliveredBefore), "purged");
		return new Transition(this, with(this.status, this.attempts, this.nextAttemptAt, this.statusChangedAt,
				this.deliveredAt, this.lastError, this.partnerStatus, false, now), null);
	}

	private Exchange conclude(ExchangeStatus concluded, Instant now, @Nullable String reason,
			@Nullable Integer partnerStatus, String change) {
		require(this.status == ExchangeStatus.DELIVERING, change);
		return with(concluded, this.attempts, this.nextAttemptAt, now,
				(concluded == ExchangeStatus.DELIVERED) ? now : this.deliveredAt, reason, partnerStatus,
				this.payloadKept, this.purgedAt);
	}

	private void require(boolean allowed, String change) {
		if (!allowed) {
			throw new TransitionRefused(this.status, change);
		}
	}

	private Exchange with(ExchangeStatus status, int attempts, Instant nextAttemptAt, Instant statusChangedAt,
			@Nullable Instant deliveredAt, @Nullable String lastError, @Nullable Integer partnerStatus,
			boolean payloadKept, @Nullable Instant purgedAt) {
		return new Exchange(this.id, this.sender, this.recipient, this.documentType, this.purpose, this.legalBasis,
				this.consentId, this.subject, this.idempotencyKey, this.requestSha256, this.payloadSha256,
				this.fieldNames, status, this.traceId, this.senderOperationId, this.acceptedAt, statusChangedAt,
				deliveredAt, attempts, nextAttemptAt, lastError, partnerStatus, payloadKept, purgedAt);
	}

	/**
	 * One state change: the exchange before and after, and the event that records it
	 * (none for a change that is only bookkeeping, such as a claim). Only the methods of
	 * {@link Exchange} make one, so every stored change is one its status allowed.
	 */
	public static final class Transition {

		private final Exchange from;

		private final Exchange to;

		private final @Nullable Object event;

		private Transition(Exchange from, Exchange to, @Nullable Object event) {
			this.from = from;
			this.to = to;
			this.event = event;
		}

		/** The exchange as it was read. */
		public Exchange from() {
			return this.from;
		}

		/** The exchange after the change. */
		public Exchange to() {
			return this.to;
		}

		/** The domain event to publish with it, if any. */
		public @Nullable Object event() {
			return this.event;
		}

	}

	/**
	 * A state change that the exchange's status does not allow: a bug of the caller,
	 * never caused by input.
	 */
	public static final class TransitionRefused extends RuntimeException {

		TransitionRefused(ExchangeStatus status, String change) {
			super("An exchange that is " + status.code() + " cannot be " + change);
		}

	}

}
