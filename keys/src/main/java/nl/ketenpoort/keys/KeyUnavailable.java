package nl.ketenpoort.keys;

/**
 * A stored signing key cannot be used: its private part does not decrypt under the
 * configured key-encryption key, or what decrypts is not the key of its row.
 */
public class KeyUnavailable extends RuntimeException {

	private final String kid;

	KeyUnavailable(KeyPurpose purpose, String kid, String problem, Throwable cause) {
		super("The " + purpose.code() + " key " + kid + " is unavailable: " + problem, cause);
		this.kid = kid;
	}

	KeyUnavailable(KeyPurpose purpose, String kid, String problem) {
		super("The " + purpose.code() + " key " + kid + " is unavailable: " + problem);
		this.kid = kid;
	}

	/** The id of the key that cannot be used. */
	public String kid() {
		return this.kid;
	}

}
