package nl.ketenpoort.schemas;

import java.util.Arrays;
import java.util.Optional;

/**
 * Schemas for records that are never exchanged as documents but are worth documenting and
 * validating: the claims of the signed consent statement and the audit event.
 */
public enum SupportingSchema implements CanonicalSchema {

	/** Claims of the consent statement JWS that travels with every delivery. */
	CONSENT_STATEMENT("consent-statement"),

	/** One event of the hash-chained audit log. */
	AUDIT_EVENT("audit-event");

	private final String code;

	SupportingSchema(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public static Optional<SupportingSchema> fromCode(String code) {
		return Arrays.stream(values()).filter((schema) -> schema.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
