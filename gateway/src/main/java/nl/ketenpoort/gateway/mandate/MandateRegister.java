package nl.ketenpoort.gateway.mandate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.BrokerLogins;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import nl.ketenpoort.gateway.mandate.internal.MandateNotFound;
import nl.ketenpoort.gateway.mandate.internal.MandateTerm;
import nl.ketenpoort.gateway.mandate.internal.Mandates;

/**
 * Records, shows and revokes mandates, for the API and the console alike. Only a case
 * manager of an organisation records one; that organisation then holds the record (the
 * evidence is in its own file), and only its case managers see or revoke the mandate. A
 * case manager of another organisation is answered as if it did not exist, and the
 * attempt is audited.
 */
@Service
public class MandateRegister {

	private static final Logger logger = LoggerFactory.getLogger(MandateRegister.class);

	/**
	 * A file reference as organisations write them: letters, digits and a few separators,
	 * at most 80 characters. No markup, quotes or control characters, since the reference
	 * is shown on pages and in exports.
	 */
	private static final Pattern EVIDENCE_REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/#:()-]{0,79}");

	private final Mandates mandates;

	private final Subjects subjects;

	private final People people;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ObjectProvider<BrokerLogins> brokers;

	MandateRegister(Mandates mandates, Subjects subjects, People people, AuditTrail audit,
			TransactionTemplate transactions, Clock clock, ObjectProvider<BrokerLogins> brokers) {
		this.mandates = mandates;
		this.subjects = subjects;
		this.people = people;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.brokers = brokers;
	}

	/**
	 * Records a mandate, audited as {@code mandate-recorded}; a refusal is audited once
	 * as {@code mandate-record-refused} with its reason.
	 * @param actor the case manager
	 * @param form the mandate as submitted
	 * @return the new mandate
	 * @throws MandateRefused with the reason, when the caller or the form does not allow
	 * it
	 * @throws IdentifierInvalid when the V-number or BSN is malformed or missing
	 * @throws SubjectLinkRefused when the V-number and BSN belong to two status holders
	 */
	public Mandate record(Actor actor, MandateForm form) {
		try {
			// The refusal is recorded after the transaction rolled back, so that it
			// stays.
			return Objects.requireNonNull(this.transactions.execute((status) -> recordChecked(actor, form)));
		}
		catch (MandateRefused | IdentifierInvalid | SubjectLinkRefused ex) {
			String reason = (ex instanceof MandateRefused refused) ? refused.reason()
					: Objects.requireNonNull(((CodedFailure) ex).failureReason());
			logger.debug("Refused to record a mandate for {}: {}", actor, reason);
			this.audit.appendIndependently(
					AuditEvent.of(AuditEventType.MANDATE_RECORD_REFUSED, AuditOutcome.REFUSED, AuditActor.of(actor))
						.reason(reason)
						.subject(knownSubject(form))
						.build());
			throw ex;
		}
	}

	private Mandate recordChecked(Actor actor, MandateForm form) {
		String organisation = caseManagersOrganisation(actor);
		Representative named = representative(form);
		MandateKind kind = MandateKind.find(required(form.kind(), "KIND_MISSING"))
			.orElseThrow(() -> MandateRefused.invalid("KIND_UNKNOWN",
					"'kind' must be NIDOS_GUARDIANSHIP or WRITTEN_MANDATE."));
		String evidence = required(form.evidenceReference(), "EVIDENCE_REFERENCE_MISSING").strip();
		if (!EVIDENCE_REFERENCE.matcher(evidence).matches()) {
			throw MandateRefused.invalid("EVIDENCE_REFERENCE_INVALID",
					"'evidenceReference' holds at most 80 letters, digits, spaces and . _ / # : ( ) -");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		MandateTerm term = MandateTerm.of(kind, form.validUntil(), form.birthDate(), now);
		SubjectRef subject = this.subjects
			.find(SubjectIdentifiers.parse(stripped(form.vNumber()), stripped(form.bsn())))
			.orElseThrow(MandateRefused::unknownSubject);
		UUID representative = named.account(this.brokers);
		Person person = this.people.find(representative)
			.filter(Person::active)
			.orElseThrow(() -> MandateRefused.invalid("REPRESENTATIVE_UNKNOWN",
					"No active account has the id in 'representative'."));
		if (!person.roles().contains(Role.STATUS_HOLDER)) {
			// People use the portal in this role; staff act through their own roles.
			throw MandateRefused.invalid("REPRESENTATIVE_NOT_ELIGIBLE",
					"The representative's account is not one that signs in to the portal.");
		}
		if (person.subjectRef().filter(subject.pseudonym()::equals).isPresent()) {
			throw MandateRefused.invalid("REPRESENTS_SELF", "A status holder does not need a mandate for themself.");
		}
		this.mandates.lockRepresentative(representative);
		Optional<Mandate> active = this.mandates.between(representative, subject)
			.stream()
			.filter((mandate) -> mandate.statusAt(now) == Mandate.Status.ACTIVE)
			.findFirst();
		if (active.isPresent()) {
			throw MandateRefused.overlaps(active.get().id());
		}
		Mandate mandate = new Mandate(UUID.randomUUID(), representative, subject, kind, evidence, term.endsAt(),
				term.endsAtEighteen(), organisation, UUID.fromString(actor.id()), now, null, null);
		this.mandates.insert(mandate);
		this.audit.append(AuditEvent
			.of(AuditEventType.MANDATE_RECORDED, AuditOutcome.SUCCESS, AuditActor.of(actor).withMandate(mandate.id()))
			.reason(kind.name())
			.subject(subject.pseudonym())
			.build());
		logger.debug("Recorded {} for {}", mandate, actor);
		return mandate;
	}

	/**
	 * The mandate, for a case manager of the organisation that holds its record.
	 * @throws MandateNotFound when there is none, or another organisation holds it (then
	 * audited as {@code access-denied}, reason {@code NOT_OWN_MANDATE})
	 */
	public Mandate find(Actor actor, UUID id) {
		caseManagersOrganisation(actor);
		return visible(actor, id);
	}

	/**
	 * Revokes an active mandate, audited as {@code mandate-revoked}: from the next
	 * request on its representative no longer acts for the status holder.
	 * @throws MandateNotFound as {@link #find}
	 * @throws MandateRefused when it was already revoked or has ended
	 */
	public Mandate revoke(Actor actor, UUID id) {
		caseManagersOrganisation(actor);
		Mandate mandate = visible(actor, id);
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			if (!this.mandates.revoke(id, UUID.fromString(actor.id()), now)) {
				throw MandateRefused.notActive();
			}
			this.audit.append(AuditEvent
				.of(AuditEventType.MANDATE_REVOKED, AuditOutcome.SUCCESS, AuditActor.of(actor).withMandate(id))
				.reason(mandate.kind().name())
				.subject(mandate.subject().pseudonym())
				.build());
			return this.mandates.find(id).orElseThrow();
		}));
	}

	/** The newest mandates whose record the case manager's organisation holds. */
	public List<Mandate> heldBy(Actor actor, int limit) {
		return this.mandates.heldBy(caseManagersOrganisation(actor), limit);
	}

	/** The moment the register counts with. */
	public Instant now() {
		return this.clock.instant();
	}

	private Mandate visible(Actor actor, UUID id) {
		Mandate mandate = this.mandates.find(id).orElseThrow(MandateNotFound::new);
		if (!actor.belongsTo(mandate.organisation())) {
			logger.debug("Refused {} to {}: another organisation holds its record", mandate, actor);
			this.audit.appendIndependently(AuditEvent
				.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, AuditActor.of(actor).withMandate(id))
				.reason(RefusalReason.NOT_OWN_MANDATE.name())
				.subject(mandate.subject().pseudonym())
				.build());
			throw new MandateNotFound();
		}
		return mandate;
	}

	private static String caseManagersOrganisation(Actor actor) {
		if (actor.isPartner() || !actor.hasRole(Role.CASE_MANAGER)) {
			logger.debug("Refused mandates to {}: not a case manager", actor);
			throw MandateRefused.forbidden(RefusalReason.ROLE_NOT_ALLOWED.name());
		}
		return actor.organisation().orElseThrow(() -> MandateRefused.forbidden(RefusalReason.NO_ORGANISATION.name()));
	}

	/** The subject a refused form names, if the registry knows it; never enrols. */
	private @Nullable String knownSubject(MandateForm form) {
		try {
			return this.subjects.find(SubjectIdentifiers.parse(stripped(form.vNumber()), stripped(form.bsn())))
				.map(SubjectRef::pseudonym)
				.orElse(null);
		}
		catch (IdentifierInvalid | SubjectLinkRefused ex) {
			return null;
		}
	}

	/**
	 * The representative as the form names them: by account, or by the BSN they sign in
	 * with through the broker (checked here, resolved to the account only once the rest
	 * of the form holds).
	 */
	private static Representative representative(MandateForm form) {
		String account = stripped(form.representative());
		String bsn = stripped(form.representativeBsn());
		if (account != null && bsn != null) {
			throw MandateRefused.invalid("REPRESENTATIVE_TWICE",
					"Name the representative by 'representative' or by 'representativeBsn', not both.");
		}
		if (bsn != null) {
			try {
				return new Representative(null, Bsn.parse(bsn));
			}
			catch (IdentifierInvalid ex) {
				throw MandateRefused.invalid("REPRESENTATIVE_BSN_INVALID", "'representativeBsn' is not a valid BSN.");
			}
		}
		UUID id = uuid(required(account, "REPRESENTATIVE_MISSING"))
			.orElseThrow(() -> MandateRefused.invalid("REPRESENTATIVE_INVALID", "'representative' is not a user id."));
		return new Representative(id, null);
	}

	/** The representative's account id, or their own BSN; exactly one of them. */
	private record Representative(@Nullable UUID id, @Nullable Bsn bsn) {

		/**
		 * The account: the one named, or the one a sign-in through the broker with this
		 * BSN reaches (made now if need be, within the recording's transaction).
		 */
		UUID account(ObjectProvider<BrokerLogins> brokers) {
			if (this.id != null) {
				return this.id;
			}
			BrokerLogins broker = brokers.getIfAvailable();
			if (broker == null || this.bsn == null) {
				throw MandateRefused.invalid("NO_BROKER",
						"No DigiD broker is configured: name the representative's account in 'representative'.");
			}
			return broker.representative(this.bsn).id();
		}

		@Override
		public String toString() {
			return "Representative[" + ((this.id != null) ? "account" : "bsn") + "]";
		}

	}

	private static String required(@Nullable String value, String reason) {
		if (value == null || value.isBlank()) {
			throw MandateRefused.invalid(reason, "A required member is missing: see 'reason'.");
		}
		return value;
	}

	private static @Nullable String stripped(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
