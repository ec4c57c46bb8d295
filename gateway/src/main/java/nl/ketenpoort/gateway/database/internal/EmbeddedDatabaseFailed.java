package nl.ketenpoort.gateway.database.internal;

/**
 * The embedded PostgreSQL could not be prepared, started or reached.
 */
public class EmbeddedDatabaseFailed extends RuntimeException {

	EmbeddedDatabaseFailed(String message, Throwable cause) {
		super(message, cause);
	}

	EmbeddedDatabaseFailed(String message) {
		super(message);
	}

}
