package nl.ketenpoort.gateway.identity.internal.federation;

/**
 * A setting of an upstream OpenID provider that cannot work or would weaken access
 * control; the gateway does not start with it.
 */
public class FederationSettingsInvalid extends RuntimeException {

	FederationSettingsInvalid(String message) {
		super(message);
	}

}
