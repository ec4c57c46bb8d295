package nl.ketenpoort.gateway.partner.internal;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * A partner key that cannot be registered: not a usable public signing key, without a
 * {@code kid}, or a different key under a {@code kid} already in use.
 */
public class PartnerKeyRejected extends ProblemException {

	public PartnerKeyRejected(String reason) {
		super(ProblemCode.UNPROCESSABLE, "The partner key is not accepted: " + reason);
	}

}
