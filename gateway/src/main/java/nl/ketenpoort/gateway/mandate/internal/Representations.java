package nl.ketenpoort.gateway.mandate.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.mandate.Mandate;

/**
 * Decides whether a person acts for the status holder they claim to represent: at login,
 * when an OpenID provider's {@code represents} claim (OIDC NL GOV) names the represented
 * person, and again at every page request of that login session. A representation is
 * honoured only while a mandate recorded by a case manager names exactly this
 * representative and this status holder, has not been revoked and has not ended (a
 * guardianship ends at the minor's 18th birthday).
 */
@Component
public class Representations implements ActingForCheck {

	private static final Logger logger = LoggerFactory.getLogger(Representations.class);

	private final Mandates mandates;

	private final Subjects subjects;

	private final People people;

	private final AuditTrail audit;

	private final Clock clock;

	Representations(Mandates mandates, Subjects subjects, People people, AuditTrail audit, Clock clock) {
		this.mandates = mandates;
		this.subjects = subjects;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * For the login: honours a {@code represents} claim. When a mandate lets the person
	 * act for the status holder with this BSN now, the login session acts for them from
	 * its next request on, for as long as the mandate holds; otherwise the refusal is
	 * audited as {@code access-denied} with the reason (and the broker login refuses the
	 * sign-in, see {@link BrokerRepresentations}).
	 * @param representative the user id of the person who logged in
	 * @param represented the BSN of the represented person, parsed from the claim
	 * @param session the login session
	 * @return the active mandate, or the reason it is refused
	 */
	public Representation honour(UUID representative, Bsn represented, HttpSession session) {
		Optional<SubjectRef> subject = this.subjects.find(new SubjectIdentifiers(null, represented));
		Representation representation = subject.map((known) -> check(representative, known, this.clock.instant()))
			.orElseGet(() -> new Representation.Refused(Representation.Reason.NO_MANDATE));
		if (representation instanceof Representation.Active active) {
			session.setAttribute(SESSION_ATTRIBUTE, active.mandateId().toString());
			session.removeAttribute(ENDED_ATTRIBUTE);
		}
		else if (representation instanceof Representation.Refused refused) {
			session.removeAttribute(SESSION_ATTRIBUTE);
			refusedAudited(representative, refused.reason(), null, subject.map(SubjectRef::pseudonym).orElse(null));
		}
		return representation;
	}

	/**
	 * Whether this person may act for the status holder with this BSN at this moment; no
	 * side effects.
	 * @param representative the representative's user id
	 * @param represented the represented person's BSN
	 * @param at the moment
	 * @return the active mandate, or the reason it is refused
	 */
	public Representation check(UUID representative, Bsn represented, Instant at) {
		return this.subjects.find(new SubjectIdentifiers(null, represented))
			.map((subject) -> check(representative, subject, at))
			.orElseGet(() -> new Representation.Refused(Representation.Reason.NO_MANDATE));
	}

	/**
	 * Whether this person may act for this status holder at this moment; no side effects.
	 * With several mandates the active one that lasts longest wins; with none active the
	 * reason is that of the one that ended last.
	 * @param representative the representative's user id
	 * @param represented the represented status holder
	 * @param at the moment
	 * @return the active mandate, or the reason it is refused
	 */
	public Representation check(UUID representative, SubjectRef represented, Instant at) {
		List<Mandate> mandates = this.mandates.between(representative, represented);
		Optional<Mandate> active = mandates.stream()
			.filter((mandate) -> !mandate.recordedAt().isAfter(at) && mandate.statusAt(at) == Mandate.Status.ACTIVE)
			.max(Comparator.comparing(Mandate::endsAt));
		if (active.isPresent()) {
			return active(active.get());
		}
		return new Representation.Refused(mandates.stream()
			.filter((mandate) -> !mandate.recordedAt().isAfter(at))
			.max(Comparator.comparing(Mandate::endedAt))
			.map((mandate) -> reason(mandate.statusAt(at)))
			.orElse(Representation.Reason.NO_MANDATE));
	}

	@Override
	public Optional<Actor.ActingFor> confirm(Actor person, UUID mandateId) {
		Mandate mandate = this.mandates.find(mandateId)
			.filter((found) -> found.representative().toString().equals(person.id()))
			.orElse(null);
		Representation.Reason refusal = null;
		if (mandate == null || !person.hasRole(Role.STATUS_HOLDER)) {
			refusal = Representation.Reason.NO_MANDATE;
		}
		else {
			Mandate.Status status = mandate.statusAt(this.clock.instant());
			refusal = (status != Mandate.Status.ACTIVE) ? reason(status) : null;
		}
		if (refusal != null) {
			refusedAudited(UUID.fromString(person.id()), refusal, (mandate != null) ? mandate.id() : null,
					(mandate != null) ? mandate.subject().pseudonym() : null);
			return Optional.empty();
		}
		return Optional.of(new Actor.ActingFor(mandate.subject().pseudonym(), mandateId));
	}

	/**
	 * Makes a login session act for the represented status holder under this active
	 * mandate from its next request on; for logins that checked the mandate themselves.
	 */
	public static void actFor(HttpSession session, Representation.Active active) {
		session.setAttribute(SESSION_ATTRIBUTE, active.mandateId().toString());
		session.removeAttribute(ENDED_ATTRIBUTE);
	}

	private void refusedAudited(UUID representative, Representation.Reason reason, @Nullable UUID mandate,
			@Nullable String subject) {
		logger.debug("Refused a representation: {}", reason);
		AuditActor actor = this.people.find(representative)
			.map((person) -> AuditActor.of(person.toActor(Set.of())))
			.orElse(AuditActor.person(representative.toString(), null, null))
			.withMandate(mandate);
		this.audit.appendIndependently(AuditEvent.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, actor)
			.reason(reason.name())
			.subject(subject)
			.build());
	}

	private static Representation.Active active(Mandate mandate) {
		return new Representation.Active(mandate.id(), mandate.subject().pseudonym(), mandate.kind(), mandate.endsAt());
	}

	private static Representation.Reason reason(Mandate.Status status) {
		return (status == Mandate.Status.REVOKED) ? Representation.Reason.MANDATE_REVOKED
				: Representation.Reason.MANDATE_EXPIRED;
	}

}
