package nl.ketenpoort.consent;

import java.util.UUID;

/**
 * A status change was asked for a consent that is no longer active.
 */
public class ConsentNotActive extends RuntimeException {

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

}
