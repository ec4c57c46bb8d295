package nl.ketenpoort.gateway.partner.internal;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * No partner system with this id is configured.
 */
public class PartnerUnknown extends ProblemException {

	public PartnerUnknown(String partnerId) {
		super(ProblemCode.NOT_FOUND, "No partner system '" + partnerId + "' is configured.");
	}

}
