package nl.ketenpoort.gateway.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An exchange as stored in the outbox (without its payload).
 *
 * @param id exchange id
 * @param sender sending partner
 * @param recipient receiving partner
 * @param documentType document type code
 * @param purpose purpose code
 * @param legalBasis legal basis of the consent relied on
 * @param consentId consent relied on
 * @param subjectRef pseudonym of the status holder
 * @param idempotencyKey the sender's key
 * @param requestSha256 SHA-256 of the submitted body
 * @param payloadSha256 SHA-256 of the minimised document
 * @param fieldNames the fields the minimised document holds
 * @param status where it stands
 * @param traceId W3C trace id of the submission
 * @param acceptedAt when it was accepted
 * @param statusChangedAt when its status last changed
 * @param deliveredAt when it was delivered
 * @param attempts delivery attempts so far
 * @param lastError the last delivery problem, as a reason code
 * @param partnerStatus the recipient's last HTTP status
 */
public record ExchangeRecord(UUID id, String sender, String recipient, String documentType, String purpose,
		String legalBasis, UUID consentId, String subjectRef, String idempotencyKey, String requestSha256,
		String payloadSha256, List<String> fieldNames, ExchangeStatus status, String traceId, Instant acceptedAt,
		Instant statusChangedAt, @Nullable Instant deliveredAt, int attempts, @Nullable String lastError,
		@Nullable Integer partnerStatus) {

	public ExchangeRecord {
		fieldNames = List.copyOf(fieldNames);
	}

}
