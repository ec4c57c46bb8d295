package nl.ketenpoort.gateway.audit.internal;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;

/**
 * The one gate every new audit event passes before it is chained: each member must have
 * the shape of what Ketenpoort itself writes there (a code, a partner id, a pseudonym, a
 * UUID, a digest), so text a caller sent can never reach the append-only log or outgrow
 * its indexes. A value of any other shape is recorded as {@code unknown:} and the SHA-256
 * of the value, which still lets an investigator match it against a suspected input.
 * <p>
 * Only appends pass this gate; events read back from the chain are never changed, or the
 * verification of older chains would break.
 */
public final class AuditValues {

	static final String UNKNOWN = "unknown:";

	/** Codes such as {@code SUBJECT_MISMATCH}, {@code search:V_NUMBER_MALFORMED}. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");

	/** Lower-case codes of purposes, document types, legal bases and partner ids. */
	private static final Pattern LOWER_CODE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

	/** One partner id, or the comma-joined recipients of a consent. */
	private static final Pattern PARTNERS = Pattern.compile("[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31}){0,15}");

	/**
	 * A partner id or {@code unknown}, a user id, or the HMAC pseudonym of a client
	 * address ({@code h:} and 43 base64url characters) for refusals of callers nobody
	 * knows.
	 */
	private static final Pattern ACTOR_ID = Pattern
		.compile("[a-z][a-z0-9-]{0,31}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|h:[A-Za-z0-9_-]{43}");

	private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,127}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final int MAX_FIELD_NAMES = 1_000;

	private AuditValues() {
	}

	/** The event with every member of an unexpected shape replaced by its digest. */
	public static AuditEvent bounded(AuditEvent e) {
		AuditActor actor = new AuditActor(shaped(e.actor().kind(), LOWER_CODE), shaped(e.actor().id(), ACTOR_ID),
				shaped(e.actor().role(), CODE), shaped(e.actor().organisation(), LOWER_CODE), e.actor().mandate());
		List<String> fields = (e.fieldNames().size() > MAX_FIELD_NAMES)
				? List.of(UNKNOWN + sha256(String.join(",", e.fieldNames())))
				: e.fieldNames().stream().map((field) -> shaped(field, FIELD)).toList();
		return e.toBuilder()
			.actor(actor)
			.reason(shaped(e.reasonCode(), CODE))
			.purpose(shaped(e.purpose(), LOWER_CODE), shaped(e.legalBasis(), LOWER_CODE))
			.subject(shaped(e.subjectRef(), SubjectRef::isPseudonym))
			.route(shaped(e.sender(), PARTNERS), shaped(e.recipient(), PARTNERS))
			.document(shaped(e.documentType(), LOWER_CODE), e.exchangeId())
			.payload(fields, shaped(e.payloadSha256(), SHA256))
			.build();
	}

	private static @Nullable String shaped(@Nullable String value, Pattern shape) {
		return shaped(value, (candidate) -> shape.matcher(candidate).matches());
	}

	private static @Nullable String shaped(@Nullable String value, Predicate<String> shape) {
		if (value == null || shape.test(value)) {
			return value;
		}
		return UNKNOWN + sha256(value);
	}

	public static String sha256(String value) {
		return Digests.sha256Hex(value);
	}

}
