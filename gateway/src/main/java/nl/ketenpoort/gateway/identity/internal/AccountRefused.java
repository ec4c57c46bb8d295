package nl.ketenpoort.gateway.identity.internal;

/**
 * An operator's change to a local account was refused, with what to do instead; nothing
 * was changed.
 */
class AccountRefused extends RuntimeException {

	AccountRefused(String message) {
		super(message);
	}

}
