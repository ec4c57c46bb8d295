package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

/**
 * A status holder's consent for one purpose, from one sender to named recipients, for
 * named document types, with the signed statement that proves it.
 *
 * @param id the consent id (also the statement's {@code jti})
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param purposeVersion the catalogue version of the purpose consented to
 * @param from the sending partner id
 * @param to the receiving partner ids
 * @param documents the document types covered
 * @param grantedAt when consent was given
 * @param validUntil when it ends
 * @param method how it was collected
 * @param language the language of the text shown
 * @param textSha256 SHA-256 of the exact text shown
 * @param status the stored status; see {@link #statusAt(Instant)}
 * @param statusChangedAt when it was revoked or expired
 * @param statement the compact JWS
 * @param signingKid the id of the key that signed the statement
 */
public record Consent(UUID id, SubjectRef subject, String purpose, int purposeVersion, String from, List<String> to,
		List<DocumentType> documents, Instant grantedAt, Instant validUntil, ConsentMethod method, String language,
		String textSha256, ConsentStatus status, @Nullable Instant statusChangedAt, String statement,
		String signingKid) {

	public Consent {
		to = List.copyOf(to);
		documents = List.copyOf(documents);
	}

	/**
	 * The status at a moment: an active consent past its end of validity counts as
	 * expired even before {@code expireDue} has recorded that.
	 * @param now the moment
	 * @return the effective status
	 */
	public ConsentStatus statusAt(Instant now) {
		if (this.status == ConsentStatus.ACTIVE && !now.isBefore(this.validUntil)) {
			return ConsentStatus.EXPIRED;
		}
		return this.status;
	}

	boolean inForceAt(Instant now) {
		return statusAt(now) == ConsentStatus.ACTIVE;
	}

	boolean covers(String sender, String recipient) {
		return this.from.equals(sender) && this.to.contains(recipient);
	}

}
