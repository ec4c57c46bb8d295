package nl.ketenpoort.consent.statement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;

/**
 * What a consent statement asserts; names follow JWT (RFC 7519) and, where they fit,
 * ISO/IEC 27560 and the Kantara consent receipt.
 *
 * @param issuer {@code iss}: the registry
 * @param subject {@code sub}: the status holder's pseudonym
 * @param consentId {@code jti}: the consent's id
 * @param issuedAt {@code iat}: when consent was given
 * @param notBefore {@code nbf}: start of validity (equal to {@code iat})
 * @param expiresAt {@code exp}: end of validity
 * @param purpose {@code purpose}: the purpose code
 * @param purposeVersion {@code purpose_version}: the catalogue version of the purpose
 * @param from {@code from}: the sending partner id
 * @param to {@code to}: the receiving partner ids
 * @param documents {@code documents}: the document types covered
 * @param basis {@code basis}: the legal basis code
 * @param textSha256 {@code text_sha256}: SHA-256 of the exact text shown
 * @param language {@code lang}: the language of the text shown
 * @param method {@code method}: how consent was collected
 */
public record StatementClaims(String issuer, SubjectRef subject, UUID consentId, Instant issuedAt, Instant notBefore,
		Instant expiresAt, String purpose, int purposeVersion, String from, List<String> to,
		List<DocumentType> documents, LegalBasis basis, String textSha256, String language, String method) {

	public StatementClaims {
		to = List.copyOf(to);
		documents = List.copyOf(documents);
	}

}
