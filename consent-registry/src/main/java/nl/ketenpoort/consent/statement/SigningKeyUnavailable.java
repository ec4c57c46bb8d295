package nl.ketenpoort.consent.statement;

/**
 * A signing key cannot be used, typically because the configured key-encryption key is
 * not the one the key was stored under.
 */
public class SigningKeyUnavailable extends RuntimeException {

	private final String kid;

	SigningKeyUnavailable(String kid, String problem, Throwable cause) {
		super("Consent signing key " + kid + " is unavailable: " + problem, cause);
		this.kid = kid;
	}

	public String kid() {
		return this.kid;
	}

}
