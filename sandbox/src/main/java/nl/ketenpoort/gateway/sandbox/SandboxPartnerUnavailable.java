package nl.ketenpoort.gateway.sandbox;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * A sandbox partner in mode {@code error-503}: its system fails for now.
 */
class SandboxPartnerUnavailable extends ProblemException {

	SandboxPartnerUnavailable() {
		super(ProblemCode.SERVICE_UNAVAILABLE,
				"The partner system is temporarily unavailable (sandbox mode error-503).");
	}

}
