package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * The outcome of a consent check: {@link Allowed} with what minimisation needs, or
 * {@link Denied} with one reason.
 */
public sealed interface ConsentDecision permits ConsentDecision.Allowed, ConsentDecision.Denied {

	/** Whether the exchange may proceed. */
	boolean allowed();

	/**
	 * The exchange is covered by a verified consent in force.
	 *
	 * @param consentId the consent relied on
	 * @param statement its compact JWS, to send along with the document
	 * @param basis the legal basis
	 * @param categories the field categories allowed for the document type
	 * @param specialCategory whether Art. 9 categories may be among them
	 * @param validUntil the end of validity
	 */
	record Allowed(UUID consentId, String statement, LegalBasis basis, Set<String> categories, boolean specialCategory,
			Instant validUntil) implements ConsentDecision {

		public Allowed {
			categories = Set.copyOf(categories);
		}

		@Override
		public boolean allowed() {
			return true;
		}

	}

	/**
	 * The exchange is refused.
	 *
	 * @param reason the one reason
	 */
	record Denied(RefusalReason reason) implements ConsentDecision {

		@Override
		public boolean allowed() {
			return false;
		}

	}

}
