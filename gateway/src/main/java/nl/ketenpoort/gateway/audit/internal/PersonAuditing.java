package nl.ketenpoort.gateway.audit.internal;

import nl.ketenpoort.gateway.identity.PersonChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;

/**
 * Records every change an operator made to a local account ({@code person-added},
 * {@code person-disabled}, {@code person-roles-changed}, reason {@code OPERATOR}): the
 * actor is the account concerned, by user id with its role after the change, and a status
 * holder's account names their subject pseudonym, so that it shows in their own audit
 * view. Never the username.
 */
@Component
class PersonAuditing {

	private final AuditTrail audit;

	PersonAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void changed(PersonChanged changed) {
		AuditEventType type = switch (changed.change()) {
			case ADDED -> AuditEventType.PERSON_ADDED;
			case DISABLED -> AuditEventType.PERSON_DISABLED;
			case ROLES_REPLACED -> AuditEventType.PERSON_ROLES_CHANGED;
		};
		this.audit.append(AuditEvent.of(type, AuditOutcome.SUCCESS, AuditActor.of(changed.person()))
			.reason("OPERATOR")
			.subject(changed.person().subjectRef().orElse(null))
			.build());
	}

}
