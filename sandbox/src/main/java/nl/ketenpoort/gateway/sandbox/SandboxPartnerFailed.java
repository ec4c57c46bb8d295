package nl.ketenpoort.gateway.sandbox;

/**
 * A sandbox partner could not talk to the gateway as a partner: no key, no token, no
 * connection.
 */
public class SandboxPartnerFailed extends RuntimeException {

	SandboxPartnerFailed(String reason) {
		super("A sandbox partner could not call the gateway: " + reason);
	}

}
