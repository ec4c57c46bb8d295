package nl.ketenpoort.client;

/**
 * The token endpoint refused the client (wrong key, unknown client, a scope it may not
 * have): RFC 6749 §5.2 {@code invalid_client} or {@code invalid_scope}.
 */
public class TokenRefused extends RuntimeException {

	private final int status;

	TokenRefused(int status, String body) {
		super("The token endpoint answered " + status + ": " + body);
		this.status = status;
	}

	/** The HTTP status of the token endpoint's answer. */
	public int status() {
		return this.status;
	}

}
