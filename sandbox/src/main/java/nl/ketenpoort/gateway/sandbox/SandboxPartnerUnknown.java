package nl.ketenpoort.gateway.sandbox;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * The sandbox simulates no partner with this id.
 */
class SandboxPartnerUnknown extends ProblemException {

	SandboxPartnerUnknown() {
		super(ProblemCode.NOT_FOUND, "The sandbox simulates no partner with this id.");
	}

}
