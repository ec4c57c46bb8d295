package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.internal.AuditCatalogueMisdeclared;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * One thing to record. Holds only pseudonyms, codes, field names and digests: never an
 * identifier, a name or document content.
 *
 * @param type what happened
 * @param outcome how it ended
 * @param reasonCode the stable reason of a refusal or failure
 * @param actor who acted
 * @param purpose processing activity (purpose code)
 * @param legalBasis GDPR basis of the processing
 * @param consentId the consent the processing relied on
 * @param subjectRef pseudonym of the data subject
 * @param sender sending partner id
 * @param recipient receiving partner id
 * @param documentType document type code
 * @param exchangeId the exchange concerned
 * @param fieldNames names (paths) of the fields that were sent
 * @param payloadSha256 SHA-256 of what was sent, hex
 * @param partnerStatus the HTTP status a partner answered with
 * @param startedAt when the operation started (defaults to the recording time)
 * @param trace trace and operation ids; {@code null} takes the current request's
 * @param extra the values of the fields added to the catalogue since its members were
 * fixed, by field name ({@link AuditFields#ACTOR_PERSON} and the others declared with
 * {@code AuditField.extra}); set with {@link Builder#with}
 */
public record AuditEvent(AuditEventType type, AuditOutcome outcome, @Nullable String reasonCode, AuditActor actor,
		@Nullable String purpose, @Nullable String legalBasis, @Nullable UUID consentId, @Nullable String subjectRef,
		@Nullable String sender, @Nullable String recipient, @Nullable String documentType, @Nullable UUID exchangeId,
		List<String> fieldNames, @Nullable String payloadSha256, @Nullable Integer partnerStatus,
		@Nullable Instant startedAt, @Nullable AuditTrace trace, Map<String, Object> extra) {

	public AuditEvent {
		fieldNames = List.copyOf(fieldNames);
		extra = Map.copyOf(extra);
	}

	/** The value of a field added to the catalogue, or {@code null}. */
	public @Nullable Object extra(AuditField field) {
		return this.extra.get(field.name());
	}

	public static Builder of(AuditEventType type, AuditOutcome outcome, AuditActor actor) {
		return new Builder(type, outcome, actor);
	}

	/**
	 * A builder holding every member of this event, to change some: the one copy of all
	 * members, so that a new member is added here and nowhere else.
	 */
	public Builder toBuilder() {
		return new Builder(this.type, this.outcome, this.actor).reason(this.reasonCode)
			.purpose(this.purpose, this.legalBasis)
			.consent(this.consentId)
			.subject(this.subjectRef)
			.route(this.sender, this.recipient)
			.document(this.documentType, this.exchangeId)
			.payload(this.fieldNames, this.payloadSha256)
			.partnerStatus(this.partnerStatus)
			.startedAt(this.startedAt)
			.trace(this.trace)
			.extra(this.extra);
	}

	/** Builds an event step by step, since most events fill only some members. */
	public static final class Builder {

		private AuditEventType type;

		private AuditOutcome outcome;

		private AuditActor actor;

		private @Nullable String reasonCode;

		private @Nullable String purpose;

		private @Nullable String legalBasis;

		private @Nullable UUID consentId;

		private @Nullable String subjectRef;

		private @Nullable String sender;

		private @Nullable String recipient;

		private @Nullable String documentType;

		private @Nullable UUID exchangeId;

		private List<String> fieldNames = List.of();

		private @Nullable String payloadSha256;

		private @Nullable Integer partnerStatus;

		private @Nullable Instant startedAt;

		private @Nullable AuditTrace trace;

		private final Map<String, Object> extra = new HashMap<>();

		private Builder(AuditEventType type, AuditOutcome outcome, AuditActor actor) {
			this.type = type;
			this.outcome = outcome;
			this.actor = actor;
		}

		public Builder actor(AuditActor actor) {
			this.actor = actor;
			return this;
		}

		public Builder reason(@Nullable String reasonCode) {
			this.reasonCode = reasonCode;
			return this;
		}

		public Builder purpose(@Nullable String purpose, @Nullable String legalBasis) {
			this.purpose = purpose;
			this.legalBasis = legalBasis;
			return this;
		}

		public Builder consent(@Nullable UUID consentId) {
			this.consentId = consentId;
			return this;
		}

		public Builder subject(@Nullable String subjectRef) {
			this.subjectRef = subjectRef;
			return this;
		}

		public Builder route(@Nullable String sender, @Nullable String recipient) {
			this.sender = sender;
			this.recipient = recipient;
			return this;
		}

		public Builder document(@Nullable String documentType, @Nullable UUID exchangeId) {
			this.documentType = documentType;
			this.exchangeId = exchangeId;
			return this;
		}

		public Builder payload(List<String> fieldNames, @Nullable String payloadSha256) {
			this.fieldNames = fieldNames;
			this.payloadSha256 = payloadSha256;
			return this;
		}

		public Builder partnerStatus(@Nullable Integer partnerStatus) {
			this.partnerStatus = partnerStatus;
			return this;
		}

		public Builder startedAt(@Nullable Instant startedAt) {
			this.startedAt = startedAt;
			return this;
		}

		public Builder trace(@Nullable AuditTrace trace) {
			this.trace = trace;
			return this;
		}

		/**
		 * Sets a field added to the catalogue; {@code null} unsets it.
		 * @param field the field, declared with {@code AuditField.extra}
		 * @param value a value of the field's column type
		 * @return this builder
		 */
		public Builder with(AuditField field, @Nullable Object value) {
			if (!field.extra()) {
				throw new AuditCatalogueMisdeclared(field.name() + " is a member of the event, not an extra field");
			}
			if (value == null) {
				this.extra.remove(field.name());
				return this;
			}
			if (!field.type().holds(value)) {
				throw new AuditCatalogueMisdeclared(
						field.name() + " holds a " + field.type() + ", not a " + value.getClass().getSimpleName());
			}
			this.extra.put(field.name(), value);
			return this;
		}

		private Builder extra(Map<String, Object> values) {
			this.extra.clear();
			this.extra.putAll(values);
			return this;
		}

		public AuditEvent build() {
			return new AuditEvent(this.type, this.outcome, this.reasonCode, this.actor, this.purpose, this.legalBasis,
					this.consentId, this.subjectRef, this.sender, this.recipient, this.documentType, this.exchangeId,
					this.fieldNames, this.payloadSha256, this.partnerStatus, this.startedAt, this.trace, this.extra);
		}

	}

}
