package nl.ketenpoort.gateway.exchange;

import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.ApiAccessDenied;
import nl.ketenpoort.gateway.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A submission that access control refused (a token without a send scope, a person's
 * token) never reaches {@link ExchangeController}, yet every refused submission is
 * audited as {@code refused}: this records it, with the caller and the reason
 * {@code FORBIDDEN}, and nothing of the request body.
 */
@Component
class ForbiddenSubmissions {

	private static final Logger log = LoggerFactory.getLogger(ForbiddenSubmissions.class);

	private static final AuditActor UNKNOWN = new AuditActor("person", "unknown", null, null);

	private final AuditTrail audit;

	ForbiddenSubmissions(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void refused(ApiAccessDenied denied) {
		if (!denied.submission()) {
			return;
		}
		log.debug("Recording a submission refused by access control");
		this.audit.append(AuditEvent
			.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, denied.caller().map(AuditActor::of).orElse(UNKNOWN))
			.reason(ProblemCode.FORBIDDEN.name())
			.build());
	}

}
