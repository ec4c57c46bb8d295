package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;

/**
 * A consent was granted; published inside the granting transaction.
 *
 * @param consentId the consent id
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param purposeVersion the purpose version
 * @param basis the legal basis
 * @param from the sending partner id
 * @param to the receiving partner ids
 * @param documents the document types covered
 * @param method how consent was collected
 * @param actor who recorded it ({@code status-holder} in the portal)
 * @param grantedAt when
 * @param validUntil until when
 */
public record ConsentGranted(UUID consentId, SubjectRef subject, String purpose, int purposeVersion, LegalBasis basis,
		String from, List<String> to, List<DocumentType> documents, ConsentMethod.Kind method, String actor,
		Instant grantedAt, Instant validUntil) {
}
