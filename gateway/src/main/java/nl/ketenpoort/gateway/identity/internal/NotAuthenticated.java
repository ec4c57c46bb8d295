package nl.ketenpoort.gateway.identity.internal;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * Code asked who is calling where nobody authenticated.
 */
public class NotAuthenticated extends ProblemException {

	public NotAuthenticated() {
		super(ProblemCode.UNAUTHORIZED, ProblemCode.UNAUTHORIZED.defaultDetail());
	}

}
