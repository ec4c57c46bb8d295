package nl.ketenpoort.gateway.exchange.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A submission that the pipeline refused; it carries what was known when it was refused,
 * so the refusal can be audited with its reason.
 */
public class ExchangeRefused extends ProblemException {

	private final Submission submission;

	private final String reasonCode;

	private final Map<String, Object> properties;

	ExchangeRefused(ProblemCode code, String detail, Submission submission) {
		this(code, detail, submission, code.name(), Map.of());
	}

	ExchangeRefused(ProblemCode code, String detail, Submission submission, String reasonCode,
			Map<String, Object> properties) {
		super(code, detail);
		this.submission = submission;
		this.reasonCode = reasonCode;
		this.properties = new LinkedHashMap<>(properties);
	}

	Submission submission() {
		return this.submission;
	}

	/** The reason recorded in the audit log. */
	public String reasonCode() {
		return this.reasonCode;
	}

	@Override
	public Map<String, Object> properties() {
		return this.properties;
	}

	public static ExchangeRefused withReason(ProblemCode code, String detail, Submission submission, String reason) {
		return new ExchangeRefused(code, detail, submission, reason, Map.of("reason", reason));
	}

	static ExchangeRefused because(ProblemCode code, String detail, Submission submission,
			@Nullable Map<String, Object> properties) {
		return new ExchangeRefused(code, detail, submission, code.name(), (properties != null) ? properties : Map.of());
	}

}
