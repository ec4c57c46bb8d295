package nl.ketenpoort.gateway.portal;

import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Records in the audit log what a person read or exported through the pages, the same way
 * the audit API records its reads.
 */
@Component
public class PageAudit {

	private final AuditTrail trail;

	PageAudit(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * Records one read.
	 * @param actor who read
	 * @param type {@code AUDIT_READ} or {@code EXPORT}
	 * @param what what was read, as a reason code such as {@code trail}
	 * @param subjectRef whose data, if one status holder's
	 */
	public void record(Actor actor, AuditEventType type, String what, @Nullable String subjectRef) {
		String role = actor.roles().stream().sorted().findFirst().map(Enum::name).orElse(null);
		this.trail.append(AuditEvent
			.of(type, AuditOutcome.SUCCESS,
					new AuditActor("person", actor.id(), role, actor.organisation().orElse(null)))
			.reason(what)
			.subject(subjectRef)
			.build());
	}

}
