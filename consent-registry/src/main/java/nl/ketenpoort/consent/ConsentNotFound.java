package nl.ketenpoort.consent;

import java.util.UUID;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * No consent with this id is in the registry.
 */
public class ConsentNotFound extends RuntimeException implements CodedFailure {

	private final UUID consentId;

	ConsentNotFound(UUID consentId) {
		super("No consent " + consentId);
		this.consentId = consentId;
	}

	public UUID consentId() {
		return this.consentId;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.NOT_FOUND;
	}

	@Override
	public String failureDetail() {
		return "No consent with this id.";
	}

}
