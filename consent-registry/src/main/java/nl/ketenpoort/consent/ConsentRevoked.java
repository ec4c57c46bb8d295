package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;

/**
 * A consent was revoked; published inside the revoking transaction.
 *
 * @param consentId the consent id
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param actor who revoked it
 * @param reason why, as given
 * @param revokedAt when
 */
public record ConsentRevoked(UUID consentId, SubjectRef subject, String purpose, String actor, String reason,
		Instant revokedAt) {
}
