package nl.ketenpoort.schemas.problem;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by every library exception that can reach a caller: its stable code, a
 * bounded reason fit for an audit row, and a detail and members that are safe to show (no
 * identifiers, names or document content).
 */
public interface CodedFailure {

	/** The stable code; decides the kind of answer. */
	FailureCode failureCode();

	/**
	 * The bounded reason within the code, such as {@code V_NUMBER_MALFORMED}; none by
	 * default.
	 */
	default @Nullable String failureReason() {
		return null;
	}

	/** What went wrong, for people; never quotes the input. */
	default String failureDetail() {
		return failureCode().detail();
	}

	/**
	 * Extra members for the caller's answer, such as the consent that stands in the way.
	 */
	default Map<String, Object> failureProperties() {
		return Map.of();
	}

}
