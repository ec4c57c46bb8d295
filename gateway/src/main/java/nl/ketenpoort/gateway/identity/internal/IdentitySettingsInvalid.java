package nl.ketenpoort.gateway.identity.internal;

/**
 * A setting of {@code ketenpoort.identity} that would weaken access control; the gateway
 * does not start with it.
 */
public class IdentitySettingsInvalid extends RuntimeException {

	public IdentitySettingsInvalid(String message) {
		super(message);
	}

	public IdentitySettingsInvalid(String message, Throwable cause) {
		super(message, cause);
	}

}
