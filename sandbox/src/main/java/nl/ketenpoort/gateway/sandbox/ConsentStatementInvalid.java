package nl.ketenpoort.gateway.sandbox;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * A sandbox partner refuses a delivery whose consent statement does not prove lawful
 * receipt (400).
 */
class ConsentStatementInvalid extends ProblemException {

	ConsentStatementInvalid(String reason) {
		super(ProblemCode.MALFORMED_REQUEST, "The Ketenpoort-Consent statement is not accepted: " + reason + ".");
	}

}
