package nl.ketenpoort.gateway.audit.internal;

import java.util.regex.Pattern;

import nl.ketenpoort.consent.subject.SubjectRef;
import org.jspecify.annotations.Nullable;

/**
 * The shape a value of an audit field must have: what Ketenpoort itself writes there (a
 * code, a partner id, a pseudonym, a UUID, a digest). The gate ({@link AuditValues})
 * replaces a value of another shape by its digest before it is chained, and the generated
 * {@code audit-event.schema.json} publishes the same pattern, so the two cannot drift.
 */
public enum AuditShape {

	/** Codes such as {@code SUBJECT_MISMATCH}, {@code search:V_NUMBER_MALFORMED}. */
	CODE("[A-Za-z][A-Za-z0-9_.:-]{0,63}"),

	/** Lower-case codes of purposes, document types, legal bases and kinds. */
	LOWER_CODE("[a-z][a-z0-9_.-]{0,63}"),

	/** One partner id, or the comma-joined recipients of a consent. */
	PARTNERS("[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31}){0,15}"),

	/**
	 * A partner id or {@code unknown}, a user id, or the HMAC pseudonym of a client
	 * address ({@code h:} and 43 base64url characters) for refusals of callers nobody
	 * knows.
	 */
	ACTOR_ID("[a-z][a-z0-9-]{0,31}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|h:[A-Za-z0-9_-]{43}"),

	/**
	 * The HMAC pseudonym of a natural person ({@code h:} and 43 base64url characters) or
	 * the id of a person's account.
	 */
	PERSON("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|h:[A-Za-z0-9_-]{43}"),

	/** The path of a field that was sent, never its value. */
	FIELD_NAME("[A-Za-z][A-Za-z0-9.]{0,127}"),

	/** A document type code; the schema lists the codes. */
	DOCUMENT_TYPE("[a-z][a-z0-9_.-]{0,63}"),

	/** A SHA-256 digest, lower-case hex. */
	SHA256("[0-9a-f]{64}"),

	/** The pseudonym of a data subject. */
	PSEUDONYM(SubjectRef.SHAPE),

	/** A UUID, lower-case. */
	UUID("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),

	/** A W3C trace id, which the gateway itself parses or takes. */
	TRACE_ID("[0-9a-f]{32}", false),

	/** A W3C span (operation) id, which the gateway itself parses or takes. */
	OPERATION_ID("[0-9a-f]{16}", false),

	/** A hash of the chain, which the gateway itself computes. */
	CHAIN_HASH("[0-9a-f]{64}", false),

	/** A compact JWS, as Ketenpoort signs statements. */
	JWS("[A-Za-z0-9_-]{1,1024}\\.[A-Za-z0-9_-]{1,4096}\\.[A-Za-z0-9_-]{1,1024}"),

	/** A code of an enumeration the gateway itself defines (event type, outcome). */
	ENUMERATED(null),

	/** A timestamp the gateway itself takes. */
	TIMESTAMP(null),

	/** A number the gateway itself writes. */
	NUMBER(null);

	private final @Nullable String pattern;

	private final @Nullable Pattern compiled;

	private final boolean gated;

	AuditShape(@Nullable String pattern) {
		this(pattern, pattern != null);
	}

	AuditShape(@Nullable String pattern, boolean gated) {
		this.pattern = pattern;
		this.compiled = (pattern != null) ? Pattern.compile(pattern) : null;
		this.gated = gated;
	}

	/** The regular expression of a text of this shape, or {@code null}. */
	public @Nullable String pattern() {
		return this.pattern;
	}

	/**
	 * Whether callers can influence a value of this shape, so the gate must check it:
	 * every shape with a pattern.
	 */
	public boolean gated() {
		return this.compiled != null;
	}

	/** Whether the text has this shape. */
	public boolean accepts(String value) {
		return this.compiled == null || this.compiled.matcher(value).matches();
	}

}
