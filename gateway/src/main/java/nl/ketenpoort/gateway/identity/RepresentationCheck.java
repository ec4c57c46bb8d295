package nl.ketenpoort.gateway.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * Decides, for a sign-in through the broker whose {@code represents} claim names someone,
 * whether the person may act for them: implemented by the mandate feature, so that
 * identity does not depend on it (as with
 * {@link nl.ketenpoort.gateway.identity.ActingForCheck}).
 */
public interface RepresentationCheck {

	/**
	 * Lets the login session act for the represented person from its next request on, if
	 * a mandate allows it now; a refusal is recorded in the audit log by the
	 * implementation.
	 * @param representative the account that signs in
	 * @param represented the BSN of the person the claim names
	 * @param session the login session
	 * @return empty when the session acts for them; else why not:
	 * {@link RefusalReason#NO_MANDATE}, {@link RefusalReason#MANDATE_EXPIRED} or
	 * {@link RefusalReason#MANDATE_REVOKED}
	 */
	Optional<RefusalReason> represent(UUID representative, Bsn represented, HttpSession session);

}
