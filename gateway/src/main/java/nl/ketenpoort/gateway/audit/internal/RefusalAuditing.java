package nl.ketenpoort.gateway.audit.internal;

import java.util.Optional;

import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.ApiAccessDenied;
import nl.ketenpoort.gateway.identity.CredentialsRefused;
import nl.ketenpoort.gateway.identity.RequestsRefused;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;

/**
 * Records requests refused by access control: each refusal with credentials on its own
 * ({@code access-denied} for a 403, {@code credentials-refused} for a 401), with its
 * reason code; and the counted ones as one {@code requests-refused} event per client
 * address and interval, its reason code ending in the count (such as
 * {@code NO_CREDENTIALS_COUNT_20}) and its start time the first of them. A caller nobody
 * knows is recorded as actor kind {@code client} with the pseudonym of its address;
 * nothing the caller sent (token, path, query) is recorded.
 */
@Component
class RefusalAuditing {

	/** The actor kind of a caller known only by the pseudonym of its address. */
	static final String CLIENT = "client";

	private final AuditTrail audit;

	RefusalAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void denied(ApiAccessDenied denied) {
		if (denied.submission()) {
			// ExchangeAuditing records it as a refused exchange.
			return;
		}
		this.audit.append(AuditEvent
			.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, actor(denied.caller(), denied.address()))
			.reason(denied.reason())
			.build());
	}

	@EventListener
	void refused(CredentialsRefused refused) {
		this.audit.append(AuditEvent
			.of(AuditEventType.CREDENTIALS_REFUSED, AuditOutcome.REFUSED, actor(refused.caller(), refused.address()))
			.reason(refused.reason())
			.build());
	}

	@EventListener
	void counted(RequestsRefused counted) {
		this.audit.append(AuditEvent
			.of(AuditEventType.REQUESTS_REFUSED, AuditOutcome.REFUSED,
					new AuditActor(CLIENT, counted.address(), null, null))
			.reason(counted.reason() + "_COUNT_" + counted.count())
			.startedAt(counted.since())
			.build());
	}

	private static AuditActor actor(Optional<Actor> caller, String address) {
		return caller.map(AuditActor::of).orElseGet(() -> new AuditActor(CLIENT, address, null, null));
	}

}
