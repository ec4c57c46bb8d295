package nl.ketenpoort.gateway.audit.internal;

import java.util.List;

import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditFields;

/**
 * The one gate every new audit event passes before it is chained: each member must have
 * the shape of what Ketenpoort itself writes there (a code, a partner id, a pseudonym, a
 * UUID, a digest), so text a caller sent can never reach the append-only log or outgrow
 * its indexes. A value of any other shape is recorded as {@code unknown:} and the SHA-256
 * of the value, which still lets an investigator match it against a suspected input. The
 * shapes are those the catalogue declares ({@link AuditShape}), which the published
 * schema shows too.
 * <p>
 * Only appends pass this gate; events read back from the chain are never changed, or the
 * verification of older chains would break.
 */
public final class AuditValues {

	static final String UNKNOWN = "unknown:";

	private static final int MAX_FIELD_NAMES = 1_000;

	private AuditValues() {
	}

	/** The event with every member of an unexpected shape replaced by its digest. */
	public static AuditEvent bounded(AuditEvent e) {
		AuditActor actor = new AuditActor(shaped(e.actor().kind(), AuditShape.LOWER_CODE),
				shaped(e.actor().id(), AuditShape.ACTOR_ID), shaped(e.actor().role(), AuditShape.CODE),
				shaped(e.actor().organisation(), AuditShape.LOWER_CODE), e.actor().mandate());
		List<String> fields = (e.fieldNames().size() > MAX_FIELD_NAMES)
				? List.of(UNKNOWN + sha256(String.join(",", e.fieldNames())))
				: e.fieldNames().stream().map((field) -> shaped(field, AuditShape.FIELD_NAME)).toList();
		AuditEvent.Builder bounded = e.toBuilder()
			.actor(actor)
			.reason(shaped(e.reasonCode(), AuditShape.CODE))
			.purpose(shaped(e.purpose(), AuditShape.LOWER_CODE), shaped(e.legalBasis(), AuditShape.LOWER_CODE))
			.subject(shaped(e.subjectRef(), AuditShape.PSEUDONYM))
			.route(shaped(e.sender(), AuditShape.PARTNERS), shaped(e.recipient(), AuditShape.PARTNERS))
			.document(shaped(e.documentType(), AuditShape.DOCUMENT_TYPE), e.exchangeId())
			.payload(fields, shaped(e.payloadSha256(), AuditShape.SHA256));
		for (AuditField field : AuditFields.CATALOGUE.extras()) {
			if (field.shape().gated() && e.extra(field) instanceof String text) {
				bounded.with(field, shaped(text, field.shape()));
			}
		}
		return bounded.build();
	}

	private static @Nullable String shaped(@Nullable String value, AuditShape shape) {
		if (value == null || shape.accepts(value)) {
			return value;
		}
		return UNKNOWN + sha256(value);
	}

	public static String sha256(String value) {
		return Digests.sha256Hex(value);
	}

}
