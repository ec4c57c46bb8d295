package nl.ketenpoort.gateway.audit.internal;

/**
 * The audit log holds something the gateway never writes; verification reports where.
 */
public class AuditLogCorrupted extends RuntimeException {

	public AuditLogCorrupted(String message) {
		super(message);
	}

}
