package nl.ketenpoort.gateway.sandbox;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * A request to a sandbox partner lacks what the partner needs: an idempotency key, a
 * known mode, a readable delay.
 */
class SandboxRequestInvalid extends ProblemException {

	SandboxRequestInvalid(ProblemCode code, String detail) {
		super(code, detail);
	}

}
