package nl.ketenpoort.gateway.audit.internal;

/**
 * The audit field catalogue declares something the chain cannot carry (a field that is
 * hashed but not hashable, a value of another type than its column): a mistake in the
 * code, found when the catalogue is built or the event assembled.
 */
public class AuditCatalogueMisdeclared extends RuntimeException {

	public AuditCatalogueMisdeclared(String message) {
		super(message);
	}

}
