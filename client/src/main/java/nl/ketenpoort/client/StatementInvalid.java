package nl.ketenpoort.client;

/** A consent statement that does not verify against the gateway's published key set. */
public class StatementInvalid extends Exception {

	StatementInvalid(String message, Throwable cause) {
		super(message, cause);
	}

	StatementInvalid(String message) {
		super(message);
	}

}
