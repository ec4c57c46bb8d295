package nl.ketenpoort.consent;

import java.util.UUID;

/**
 * No consent with this id is in the registry.
 */
public class ConsentNotFound extends RuntimeException {

	private final UUID consentId;

	ConsentNotFound(UUID consentId) {
		super("No consent " + consentId);
		this.consentId = consentId;
	}

	public UUID consentId() {
		return this.consentId;
	}

}
