package nl.ketenpoort.gateway.audit;

import nl.ketenpoort.gateway.audit.internal.AuditLogCorrupted;

/**
 * What happened; the codes are stable and appear in exports and in the Logboek operation
 * name.
 */
public enum AuditEventType {

	ACCEPTED("accepted"), REFUSED("refused"), DELIVERED("delivered"), FAILED("failed"), DEAD_LETTERED("dead-lettered"),
	PURGED("purged"), CONSENT_GRANTED("consent-granted"), CONSENT_REVOKED("consent-revoked"),
	CONSENT_EXPIRED("consent-expired"),

	/**
	 * A grant repeated an active consent exactly; nothing new was stored, the active
	 * consent stands.
	 */
	CONSENT_GRANT_DUPLICATE("consent-grant-duplicate"),

	/** A grant was refused; nothing was stored, the reason code says why. */
	CONSENT_GRANT_REFUSED("consent-grant-refused"),

	/** An operator queued a dead letter again, or tried to: the outcome says which. */
	REPLAYED("replayed"),

	AUDIT_READ("audit-read"), ACCESS_DENIED("access-denied"), EXPORT("export"),

	/** Retention removed events older than their purpose allows. */
	AUDIT_PRUNED("audit-pruned"),

	/** A person logged in with the login form. */
	LOGIN_SUCCEEDED("login-succeeded"),

	/** A login failed after its password was checked; the reason says why. */
	LOGIN_FAILED("login-failed"),

	/** An account failed to log in too often and is locked. */
	LOGIN_LOCKED("login-locked"),

	/** An operator unlocked an account. */
	LOGIN_UNLOCKED("login-unlocked"),

	/**
	 * A case manager recorded a mandate: a representative may act for the subject until
	 * it ends.
	 */
	MANDATE_RECORDED("mandate-recorded"),

	/** Recording a mandate was refused; nothing was stored, the reason code says why. */
	MANDATE_RECORD_REFUSED("mandate-record-refused"),

	/**
	 * A case manager revoked a mandate: its representative no longer acts for the
	 * subject.
	 */
	MANDATE_REVOKED("mandate-revoked"),

	/**
	 * A request with credentials (a token, a session) was refused as unauthenticated; the
	 * reason says why.
	 */
	CREDENTIALS_REFUSED("credentials-refused"),

	/**
	 * Requests of one client address refused within one interval, counted rather than
	 * audited one by one: without credentials, or beyond the number audited one by one.
	 */
	REQUESTS_REFUSED("requests-refused"),

	/** An operator added a local account. */
	PERSON_ADDED("person-added"),

	/** An operator disabled an account. */
	PERSON_DISABLED("person-disabled"),

	/** An operator replaced the roles of an account. */
	PERSON_ROLES_CHANGED("person-roles-changed"),

	/**
	 * The chain continues in another canonical form: the first event of the new form,
	 * naming the last position and hash of the previous one, signed by the audit key.
	 */
	AUDIT_EPOCH("audit-epoch"),

	/**
	 * A witness holds another tree root for a size the gateway signed: two checkpoints of
	 * one size with different roots, shown to different parties. An alert.
	 */
	AUDIT_SPLIT_VIEW("audit-split-view"),

	/**
	 * A witness's answer carried a cosignature that its configured key does not verify:
	 * forged or damaged, and not kept.
	 */
	AUDIT_COSIGNATURE_REFUSED("audit-cosignature-refused");

	private final String code;

	AuditEventType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static AuditEventType fromCode(String code) {
		for (AuditEventType type : values()) {
			if (type.code.equals(code)) {
				return type;
			}
		}
		throw new AuditLogCorrupted("Unknown audit event type in the log: " + code);
	}

}
