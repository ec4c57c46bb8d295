package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;

/**
 * A consent reached its end of validity and was marked expired; published inside the
 * expiring transaction.
 *
 * @param consentId the consent id
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param expiredAt the end of validity
 */
public record ConsentExpired(UUID consentId, SubjectRef subject, String purpose, Instant expiredAt) {
}
