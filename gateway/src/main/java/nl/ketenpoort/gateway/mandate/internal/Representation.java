package nl.ketenpoort.gateway.mandate.internal;

import java.time.Instant;
import java.util.UUID;
import nl.ketenpoort.gateway.mandate.MandateKind;

/**
 * Whether a person may act for a status holder at a moment: under an active mandate, or
 * refused with the reason.
 */
public sealed interface Representation {

	/**
	 * The person acts for the status holder under this mandate.
	 *
	 * @param mandateId the mandate
	 * @param subjectRef the represented status holder's subject pseudonym
	 * @param kind the ground of the mandate
	 * @param endsAt the first moment it no longer holds
	 */
	record Active(UUID mandateId, String subjectRef, MandateKind kind, Instant endsAt) implements Representation {
	}

	/**
	 * The person may not act for the status holder.
	 *
	 * @param reason why not
	 */
	record Refused(Reason reason) implements Representation {
	}

	/** Why a representation is refused; stable codes for pages and the audit log. */
	enum Reason {

		/** No mandate names this representative for this status holder. */
		NO_MANDATE,

		/** The mandate ended (its last day passed, or the minor turned 18). */
		MANDATE_EXPIRED,

		/** A case manager revoked the mandate. */
		MANDATE_REVOKED

	}

}
