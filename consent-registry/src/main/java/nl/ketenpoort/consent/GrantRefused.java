package nl.ketenpoort.consent;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * A grant request is inconsistent with the purpose catalogue or incomplete; nothing was
 * stored.
 */
public class GrantRefused extends RuntimeException implements CodedFailure {

	private final Reason reason;

	private final String purpose;

	private final @Nullable UUID existingConsent;

	GrantRefused(Reason reason, String purpose, String detail) {
		this(reason, purpose, detail, null);
	}

	GrantRefused(Reason reason, String purpose, String detail, @Nullable UUID existingConsent) {
		super("Consent for purpose '" + purpose + "' refused (" + reason + "): " + detail);
		this.reason = reason;
		this.purpose = purpose;
		this.existingConsent = existingConsent;
	}

	public Reason reason() {
		return this.reason;
	}

	public String purpose() {
		return this.purpose;
	}

	/**
	 * The active consent that stands in the way, for
	 * {@link Reason#OVERLAPS_ACTIVE_CONSENT}: revoke it first.
	 */
	public @Nullable UUID existingConsent() {
		return this.existingConsent;
	}

	/** Why a grant was refused. */
	public enum Reason {

		/** The subject was never resolved by {@code Subjects}. */
		SUBJECT_UNKNOWN,

		/** No recipients or document types, or duplicates among them. */
		SCOPE_INCOMPLETE,

		/** A document type the purpose does not carry. */
		DOCUMENT_NOT_IN_PURPOSE,

		/** The purpose has no route from this sender for a requested document type. */
		SENDER_NOT_ALLOWED,

		/** A recipient is not on the sender's route for a requested document type. */
		RECIPIENT_NOT_ALLOWED,

		/** The end of validity is not after the grant. */
		VALIDITY_INVALID,

		/** The end of validity exceeds the purpose's maximum. */
		VALIDITY_TOO_LONG,

		/** The purpose has no text in the language named. */
		LANGUAGE_UNSUPPORTED,

		/** The text hash is not that of the catalogue text in that language. */
		TEXT_MISMATCH,

		/**
		 * The method lacks the recording professional or the evidence/interpreter
		 * reference.
		 */
		METHOD_INCOMPLETE,

		/**
		 * An active consent shares some of the requested keys (subject, purpose, sender,
		 * recipient, document type) without being the same consent; it has to be revoked
		 * first, so that every exchange relies on exactly one consent.
		 */
		OVERLAPS_ACTIVE_CONSENT

	}

	/**
	 * {@link FailureCode#CONSENT_OVERLAPS} when an active consent stands in the way, else
	 * {@link FailureCode#UNPROCESSABLE}.
	 */
	@Override
	public FailureCode failureCode() {
		return overlaps() ? FailureCode.CONSENT_OVERLAPS : FailureCode.UNPROCESSABLE;
	}

	@Override
	public String failureReason() {
		return this.reason.name();
	}

	@Override
	public String failureDetail() {
		if (overlaps()) {
			return "An active consent covers some of these recipients and document types: revoke consent "
					+ this.existingConsent + " first, or grant exactly that consent again.";
		}
		return "The consent cannot be granted: " + this.reason.name() + ".";
	}

	@Override
	public Map<String, Object> failureProperties() {
		return overlaps() ? Map.of("existingConsent", String.valueOf(this.existingConsent)) : Map.of();
	}

	private boolean overlaps() {
		return this.reason == Reason.OVERLAPS_ACTIVE_CONSENT && this.existingConsent != null;
	}

}
