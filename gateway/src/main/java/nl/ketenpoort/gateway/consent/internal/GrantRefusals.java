package nl.ketenpoort.gateway.consent.internal;

import java.util.List;
import java.util.Objects;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.schemas.problem.CodedFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records each refused consent grant once, as {@code consent-grant-refused} with a
 * bounded reason code. Only what Ketenpoort knows goes in: a purpose from the catalogue,
 * registered partners, a pseudonym; never a value as the caller sent it.
 */
@Component
public class GrantRefusals {

	private static final Logger log = LoggerFactory.getLogger(GrantRefusals.class);

	private final AuditTrail audit;

	private final PurposeCatalogue catalogue;

	private final Partners partners;

	private final Subjects subjects;

	GrantRefusals(AuditTrail audit, PurposeCatalogue catalogue, Partners partners, Subjects subjects) {
		this.audit = audit;
		this.catalogue = catalogue;
		this.partners = partners;
		this.subjects = subjects;
	}

	/**
	 * Audits the grant as refused when the exception is a refusal; a failure on our side
	 * is no refusal and is reported as such elsewhere.
	 */
	void record(Actor actor, GrantForm form, RuntimeException exception) {
		String reason = reason(exception);
		if (reason == null) {
			return;
		}
		log.debug("Refused a consent grant: {}", reason);
		String purpose = (form.purpose() != null && this.catalogue.find(form.purpose()).isPresent()) ? form.purpose()
				: null;
		// The grant's transaction has rolled back by now: the record needs its own.
		this.audit.appendIndependently(
				AuditEvent.of(AuditEventType.CONSENT_GRANT_REFUSED, AuditOutcome.REFUSED, AuditActor.of(actor))
					.reason(reason)
					.purpose(purpose, null)
					.subject(subject(actor, form))
					.route(registered(form.from()), recipients(form.to()))
					.build());
	}

	static @Nullable String reason(RuntimeException exception) {
		if (exception instanceof ConsentController.ConsentRefusal refusal) {
			return refusal.reason();
		}
		if (exception instanceof CodedFailure failure) {
			// The library's bounded reason (GrantRefused's, an identifier's), else its
			// code (UNKNOWN_PURPOSE).
			String reason = failure.failureReason();
			return (reason != null) ? reason : failure.failureCode().name();
		}
		return null;
	}

	/** The status holder's pseudonym, so that they find the attempt in their own view. */
	private @Nullable String subject(Actor actor, GrantForm form) {
		if (actor.dataSubject().isPresent()) {
			return actor.dataSubject().get();
		}
		if (form.vNumber() == null) {
			return null;
		}
		try {
			// Found, never enrolled: a refused grant creates no status holder.
			return this.subjects.find(SubjectIdentifiers.parse(form.vNumber(), null))
				.map(SubjectRef::pseudonym)
				.orElse(null);
		}
		catch (IdentifierInvalid ex) {
			return null;
		}
	}

	private @Nullable String registered(@Nullable String partner) {
		return (partner != null && this.partners.find(partner).isPresent()) ? partner : null;
	}

	private @Nullable String recipients(@Nullable List<@Nullable String> to) {
		if (to == null || to.isEmpty() || to.stream().map(this::registered).anyMatch(Objects::isNull)) {
			return null;
		}
		return String.join(",", to.stream().map(Objects::requireNonNull).toList());
	}

}
