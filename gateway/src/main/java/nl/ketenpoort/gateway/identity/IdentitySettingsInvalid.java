package nl.ketenpoort.gateway.identity;

/**
 * A setting of {@code ketenpoort.identity} that would weaken access control; the gateway
 * does not start with it.
 */
public class IdentitySettingsInvalid extends RuntimeException {

	IdentitySettingsInvalid(String message) {
		super(message);
	}

	IdentitySettingsInvalid(String message, Throwable cause) {
		super(message, cause);
	}

}
