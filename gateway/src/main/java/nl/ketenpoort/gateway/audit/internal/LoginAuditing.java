package nl.ketenpoort.gateway.audit.internal;

import java.util.Optional;

import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.LoginFailed;
import nl.ketenpoort.gateway.identity.LoginLocked;
import nl.ketenpoort.gateway.identity.LoginSucceeded;
import nl.ketenpoort.gateway.identity.LoginUnlocked;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;

/**
 * Records every checked login, every lock and every unlock in the audit log. The actor of
 * these events is the account concerned, by user id only; a username that names no
 * account is recorded as {@code unknown}, never as typed.
 */
@Component
class LoginAuditing {

	/** The actor of a login attempt for a username that names no account. */
	static final AuditActor UNKNOWN_ACCOUNT = new AuditActor("person", "unknown", null, null);

	private final AuditTrail audit;

	LoginAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(LoginSucceeded succeeded) {
		// A representative's login names the person they act for as its subject.
		this.audit.append(
				AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS, AuditActor.of(succeeded.person()))
					.subject(succeeded.person().actingFor().map(Actor.ActingFor::subjectRef).orElse(null))
					.build());
	}

	@EventListener
	void failed(LoginFailed failed) {
		this.audit.append(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.REFUSED, actor(failed.person()))
			.reason(failed.reason())
			.build());
	}

	@EventListener
	void locked(LoginLocked locked) {
		this.audit.append(AuditEvent.of(AuditEventType.LOGIN_LOCKED, AuditOutcome.REFUSED, actor(locked.person()))
			.reason("TOO_MANY_FAILURES")
			.build());
	}

	@EventListener
	void unlocked(LoginUnlocked unlocked) {
		this.audit.append(AuditEvent.of(AuditEventType.LOGIN_UNLOCKED, AuditOutcome.SUCCESS, actor(unlocked.person()))
			.reason("OPERATOR")
			.build());
	}

	private static AuditActor actor(Optional<Actor> person) {
		return person.map(AuditActor::of).orElse(UNKNOWN_ACCOUNT);
	}

}
