package nl.ketenpoort.gateway.audit;

/**
 * How the recorded operation ended; {@code SUCCESS} maps to the Logboek status
 * {@code OK}, the others to {@code ERROR}.
 */
public enum AuditOutcome {

	SUCCESS, REFUSED, FAILED;

	String logboekStatus() {
		return (this == SUCCESS) ? "OK" : "ERROR";
	}

}
