package nl.ketenpoort.gateway.audit;

import nl.ketenpoort.gateway.identity.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Records in the audit log what a person read or exported, through the audit API or the
 * pages alike.
 */
@Component
public class AuditReads {

	private final AuditTrail trail;

	AuditReads(AuditTrail trail) {
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
		this.trail.append(AuditEvent.of(type, AuditOutcome.SUCCESS, AuditActor.of(actor))
			.reason(what)
			.subject(subjectRef)
			.build());
	}

	/**
	 * Records a read that was refused before anything was read, such as a search with a
	 * malformed V-number.
	 * @param actor who tried
	 * @param what what they tried to read, such as {@code search}
	 * @param reasonCode the bounded reason, such as {@code V_NUMBER_MALFORMED}
	 */
	public void refused(Actor actor, String what, String reasonCode) {
		this.trail
			.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.REFUSED, AuditActor.of(actor))
				.reason(what + ":" + reasonCode)
				.build());
	}

}
