package nl.ketenpoort.gateway.exchange;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

/**
 * A submission was refused before an exchange existed (the partner gets
 * {@link ExchangeRefused} as its answer), with what was known when it was refused and
 * never anything the caller made up. (A submission that access control refused is
 * recorded from {@code ApiAccessDenied}.)
 *
 * @param reasonCode the bounded reason code
 * @param sender the sending partner
 * @param senderOrganisation the organisation that runs the sender
 * @param purpose the purpose, once parsed
 * @param legalBasis the purpose's legal basis, once parsed
 * @param subject the subject pseudonym, once pseudonymised
 * @param recipient the recipient, once known to be a registered partner
 * @param documentType the document type, once parsed
 * @param trace the trace the submission arrived with
 */
public record SubmissionRefused(String reasonCode, PartnerId sender, String senderOrganisation,
		@Nullable PurposeCode purpose, @Nullable LegalBasis legalBasis, @Nullable SubjectRef subject,
		@Nullable PartnerId recipient, @Nullable DocumentType documentType, ExchangeTrace trace) {

}
