package nl.ketenpoort.gateway.mandate.internal;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * No mandate with this id that the caller may see: it does not exist, or another
 * organisation holds its record (the answer does not say which).
 */
public class MandateNotFound extends ProblemException {

	public MandateNotFound() {
		super(ProblemCode.NOT_FOUND, "No mandate with this id that you may see.");
	}

}
