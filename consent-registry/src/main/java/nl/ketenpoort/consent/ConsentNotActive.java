package nl.ketenpoort.consent;

import java.util.UUID;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * A status change was asked for a consent that is no longer active.
 */
public class ConsentNotActive extends RuntimeException implements CodedFailure {

	private final UUID consentId;

	private final ConsentStatus status;

	ConsentNotActive(UUID consentId, ConsentStatus status) {
		super("Consent " + consentId + " is " + status.code() + ", not active");
		this.consentId = consentId;
		this.status = status;
	}

	public UUID consentId() {
		return this.consentId;
	}

	public ConsentStatus status() {
		return this.status;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.CONFLICT;
	}

	@Override
	public String failureDetail() {
		return "The consent is no longer active.";
	}

}
