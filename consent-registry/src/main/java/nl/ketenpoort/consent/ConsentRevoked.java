package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;

/**
 * A consent was revoked; published inside the revoking transaction.
 *
 * @param consentId the consent id
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param from the sending partner id of the consent's route
 * @param to the receiving partner ids of the consent's route
 * @param actor who revoked it
 * @param reason why, as given
 * @param revokedAt when
 */
public record ConsentRevoked(UUID consentId, SubjectRef subject, String purpose, String from, List<String> to,
		String actor, String reason, Instant revokedAt) {

	/**
	 * The reason of a revocation by the registry itself: the consent was an older
	 * duplicate of another active consent when one active consent per key became the
	 * rule.
	 */
	public static final String DUPLICATE_MERGED = "duplicate-merged";

	public ConsentRevoked {
		to = List.copyOf(to);
	}

}
