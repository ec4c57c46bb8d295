package nl.ketenpoort.gateway.audit;

/**
 * The audit log holds something the gateway never writes; verification reports where.
 */
public class AuditLogCorrupted extends RuntimeException {

	AuditLogCorrupted(String message) {
		super(message);
	}

}
