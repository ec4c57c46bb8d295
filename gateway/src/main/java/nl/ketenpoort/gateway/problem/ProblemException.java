package nl.ketenpoort.gateway.problem;

import java.util.Map;

/**
 * Base of the gateway's domain exceptions: each one knows its stable code, a detail that
 * is safe to show (no identifiers, names or document content) and optional extra members.
 */
public abstract class ProblemException extends RuntimeException {

	private final ProblemCode code;

	protected ProblemException(ProblemCode code, String detail) {
		super(detail);
		this.code = code;
	}

	public ProblemCode code() {
		return this.code;
	}

	/** Extra members of the problem document, such as a refusal reason or violations. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
