package nl.ketenpoort.gateway.consent.internal;

import nl.ketenpoort.consent.ConsentExpired;
import nl.ketenpoort.consent.ConsentGrantDuplicate;
import nl.ketenpoort.consent.ConsentGranted;
import nl.ketenpoort.consent.ConsentRevoked;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.Actors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every consent change in the audit log. The registry publishes its events inside
 * the transaction of the change, and these listeners run synchronously in it, so the
 * change and its audit record commit or roll back together.
 */
@Component
class ConsentAuditing {

	private final AuditTrail audit;

	ConsentAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void granted(ConsentGranted granted) {
		this.audit.append(AuditEvent.of(AuditEventType.CONSENT_GRANTED, AuditOutcome.SUCCESS, actor())
			.reason(granted.method().code())
			.purpose(granted.purpose(), granted.basis().code())
			.consent(granted.consentId())
			.subject(granted.subject().pseudonym())
			.route(granted.from(), String.join(",", granted.to()))
			.build());
	}

	@EventListener
	void duplicate(ConsentGrantDuplicate duplicate) {
		this.audit.append(AuditEvent.of(AuditEventType.CONSENT_GRANT_DUPLICATE, AuditOutcome.SUCCESS, actor())
			.reason(duplicate.method().code())
			.purpose(duplicate.purpose(), null)
			.consent(duplicate.consentId())
			.subject(duplicate.subject().pseudonym())
			.route(duplicate.from(), String.join(",", duplicate.to()))
			.build());
	}

	@EventListener
	void revoked(ConsentRevoked revoked) {
		this.audit.append(AuditEvent.of(AuditEventType.CONSENT_REVOKED, AuditOutcome.SUCCESS, actor())
			// Only the registry's own bounded reason code is recorded; a reason given by
			// a person is free text and may hold personal data.
			.reason(ConsentRevoked.DUPLICATE_MERGED.equals(revoked.reason()) ? revoked.reason() : null)
			.purpose(revoked.purpose(), null)
			.consent(revoked.consentId())
			.subject(revoked.subject().pseudonym())
			// The route lets the privacy officers of both organisations find the
			// revocation among their own organisation's events.
			.route(revoked.from(), String.join(",", revoked.to()))
			.build());
	}

	@EventListener
	void expired(ConsentExpired expired) {
		this.audit.append(AuditEvent.of(AuditEventType.CONSENT_EXPIRED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.purpose(expired.purpose(), null)
			.consent(expired.consentId())
			.subject(expired.subject().pseudonym())
			.build());
	}

	private static AuditActor actor() {
		return Actors.find().map(AuditActor::of).orElse(AuditActor.SYSTEM);
	}

}
