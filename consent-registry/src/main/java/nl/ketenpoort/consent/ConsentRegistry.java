package nl.ketenpoort.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.purpose.PurposeUnknown;
import nl.ketenpoort.consent.statement.ConsentStatements;
import nl.ketenpoort.consent.statement.ConsentStatements.IssuedStatement;
import nl.ketenpoort.consent.statement.StatementClaims;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, revokes and expires consents.
 * <p>
 * Every status change writes the consent row and its history row in one transaction and
 * publishes {@link ConsentGranted}, {@link ConsentRevoked} or {@link ConsentExpired}
 * inside that same transaction. A synchronous {@code @EventListener} (such as the
 * gateway's audit log) that writes through the same {@code DataSource} therefore commits
 * or rolls back together with the change; use {@code @TransactionalEventListener} for
 * work that must only happen after commit.
 */
public class ConsentRegistry {

	private static final Logger logger = LoggerFactory.getLogger(ConsentRegistry.class);

	private final Consents consents;

	private final PurposeCatalogue catalogue;

	private final ConsentStatements statements;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final String issuer;

	private final Clock clock;

	ConsentRegistry(Consents consents, PurposeCatalogue catalogue, ConsentStatements statements,
			TransactionTemplate transactions, ApplicationEventPublisher events, String issuer, Clock clock) {
		this.consents = consents;
		this.catalogue = catalogue;
		this.statements = statements;
		this.transactions = transactions;
		this.events = events;
		this.issuer = issuer;
		this.clock = clock;
	}

	/**
	 * Record a consent and issue its signed statement, unless the subject already has
	 * exactly this consent active.
	 * <p>
	 * One active consent per subject, purpose, sender, recipient and document type:
	 * grants for one subject run one after the other (on every node), and a grant whose
	 * keys are exactly those of one active consent of the same purpose version (the same
	 * set of recipients and of document types) is a duplicate: nothing is stored, the
	 * active consent is returned and {@link ConsentGrantDuplicate} is published. A grant
	 * sharing only some keys with an active consent is refused with
	 * {@link GrantRefused.Reason#OVERLAPS_ACTIVE_CONSENT}, naming that consent.
	 * @param request what was consented to, how and in which language
	 * @return the stored consent with its statement, and whether it is new
	 * @throws PurposeUnknown when the purpose is not in the catalogue
	 * @throws GrantRefused when the request does not fit the purpose, is incomplete or
	 * overlaps an active consent
	 */
	public Grant grant(GrantRequest request) {
		Purpose purpose = this.catalogue.get(request.purpose());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant validUntil = validUntil(request, purpose, now);
		checkScope(request, purpose);
		checkText(request, purpose);
		if (!request.method().isComplete()) {
			throw refused(GrantRefused.Reason.METHOD_INCOMPLETE, request,
					"method " + request.method().kind().code() + " needs the recording professional and a reference");
		}
		if (!this.consents.subjectExists(request.subject())) {
			throw refused(GrantRefused.Reason.SUBJECT_UNKNOWN, request, "resolve the subject first");
		}
		UUID id = UUID.randomUUID();
		StatementClaims claims = new StatementClaims(this.issuer, request.subject(), id, now, now, validUntil,
				purpose.code(), purpose.version(), request.from(), request.to(), request.documents(),
				purpose.legalBasis(), request.textSha256().toLowerCase(Locale.ROOT), request.language(),
				request.method().kind().code());
		// The refusal is thrown after the transaction callback returns, so that a
		// surrounding transaction (a controller's) is not marked rollback-only by it.
		Outcome outcome = this.transactions.execute((status) -> {
			this.consents.lockSubject(request.subject());
			// A consent past its end of validity no longer holds its keys, even before
			// the scheduled expiry has run.
			this.consents.expireDue(now, request.subject()).forEach(this.events::publishEvent);
			List<Consent> sharing = this.consents.activeSharingKeys(request.subject(), purpose.code(), request.from(),
					request.to(), request.documents());
			if (sharing.size() == 1 && sameKeys(sharing.get(0), request, purpose)) {
				Consent existing = sharing.get(0);
				this.events
					.publishEvent(new ConsentGrantDuplicate(existing.id(), existing.subject(), existing.purpose(),
							existing.from(), existing.to(), request.method().kind(), request.method().actor(), now));
				return new Outcome(new Grant(existing, false), null);
			}
			if (!sharing.isEmpty()) {
				return new Outcome(null, sharing.get(0));
			}
			IssuedStatement statement = this.statements.issue(claims);
			Consent granted = new Consent(id, request.subject(), purpose.code(), purpose.version(), request.from(),
					request.to(), request.documents(), now, validUntil, request.method(), request.language(),
					claims.textSha256(), ConsentStatus.ACTIVE, null, statement.compact(), statement.kid());
			this.consents.insert(granted);
			this.consents.appendHistory(id, "granted", request.method().actor(), request.method().kind().code(), now,
					null);
			this.events.publishEvent(new ConsentGranted(id, request.subject(), purpose.code(), purpose.version(),
					purpose.legalBasis(), request.from(), request.to(), request.documents(), request.method().kind(),
					request.method().actor(), now, validUntil));
			return new Outcome(new Grant(granted, true), null);
		});
		if (outcome.overlapping() != null) {
			UUID existing = outcome.overlapping().id();
			logger.debug("Refused a grant for purpose {}: {} (consent {} is active on some of its keys)",
					request.purpose(), GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT, existing);
			throw new GrantRefused(
					GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT, request.purpose(), "consent " + existing
							+ " is active for some of these recipients and document types;" + " revoke it first",
					existing);
		}
		Grant grant = outcome.grant();
		if (grant.created()) {
			logger.debug("Granted consent {} for purpose {} from {} to {}", id, purpose.code(), request.from(),
					request.to());
		}
		else {
			logger.debug("A grant for purpose {} from {} to {} repeated active consent {}", purpose.code(),
					request.from(), request.to(), grant.consent().id());
		}
		return grant;
	}

	/**
	 * Announce the consents the migration to one active consent per key revoked as
	 * duplicates: one {@link ConsentRevoked} each, with reason
	 * {@link ConsentRevoked#DUPLICATE_MERGED}, published in the transaction that removes
	 * them from the to-announce list, so that each is announced exactly once.
	 * @return the revocations announced by this call
	 */
	public List<ConsentRevoked> announceMergedDuplicates() {
		List<ConsentRevoked> announced = this.transactions.execute((status) -> {
			List<ConsentRevoked> done = this.consents.takeMergedDuplicates()
				.stream()
				.map((consent) -> new ConsentRevoked(consent.id(), consent.subject(), consent.purpose(), consent.from(),
						consent.to(), "system", ConsentRevoked.DUPLICATE_MERGED,
						(consent.statusChangedAt() != null) ? consent.statusChangedAt() : this.clock.instant()))
				.toList();
			done.forEach(this.events::publishEvent);
			return done;
		});
		if (!announced.isEmpty()) {
			logger.info("Announced {} consents revoked as duplicates of another active consent", announced.size());
		}
		return announced;
	}

	private static boolean sameKeys(Consent consent, GrantRequest request, Purpose purpose) {
		return consent.purposeVersion() == purpose.version() && consent.from().equals(request.from())
				&& new HashSet<>(consent.to()).equals(new HashSet<>(request.to()))
				&& new HashSet<>(consent.documents()).equals(new HashSet<>(request.documents()));
	}

	/** What the granting transaction found: a grant, or the consent in its way. */
	private record Outcome(@Nullable Grant grant, @Nullable Consent overlapping) {
	}

	/**
	 * Revoke a consent; from the next check on, on every node, exchanges under it are
	 * refused.
	 * @param consentId the consent
	 * @param actor who revokes (user id, or {@code status-holder})
	 * @param reason why, free text without personal data
	 * @return the revoked consent
	 * @throws ConsentNotFound when there is no such consent
	 * @throws ConsentNotActive when it was already revoked or expired
	 */
	public Consent revoke(UUID consentId, String actor, String reason) {
		Instant now = this.clock.instant();
		return this.transactions.execute((status) -> {
			Consent consent = find(consentId);
			if (!this.consents.changeStatus(consentId, ConsentStatus.REVOKED, now)) {
				throw new ConsentNotActive(consentId, find(consentId).status());
			}
			this.consents.appendHistory(consentId, "revoked", actor, null, now, reason);
			this.events.publishEvent(new ConsentRevoked(consentId, consent.subject(), consent.purpose(), consent.from(),
					consent.to(), actor, reason, now));
			logger.debug("Revoked consent {}", consentId);
			return find(consentId);
		});
	}

	/**
	 * The consent with this id.
	 * @param consentId the consent
	 * @return the consent
	 * @throws ConsentNotFound when there is no such consent
	 */
	public Consent find(UUID consentId) {
		return this.consents.find(consentId).orElseThrow(() -> new ConsentNotFound(consentId));
	}

	/** The consent with this id, if any. */
	public Optional<Consent> findIfPresent(UUID consentId) {
		return this.consents.find(consentId);
	}

	/** All consents of a subject, newest first, whatever their status. */
	public List<Consent> listForSubject(SubjectRef subject) {
		return this.consents.forSubject(subject);
	}

	/**
	 * The effective status of a consent, as the public status endpoint shows it.
	 * @param consentId the consent
	 * @return active, revoked or expired (also when its end of validity has passed but
	 * {@link #expireDue} has not run yet)
	 * @throws ConsentNotFound when there is no such consent
	 */
	public ConsentStatus status(UUID consentId) {
		return find(consentId).statusAt(this.clock.instant());
	}

	/**
	 * Mark every active consent whose end of validity has passed as expired, with history
	 * and events; safe to run on several nodes at once.
	 * @param now the moment to expire against
	 * @return the consents expired by this call
	 */
	public List<ConsentExpired> expireDue(Instant now) {
		List<ConsentExpired> expired = this.transactions.execute((status) -> {
			List<ConsentExpired> done = this.consents.expireDue(now);
			done.forEach(this.events::publishEvent);
			return done;
		});
		if (!expired.isEmpty()) {
			logger.info("Expired {} consents", expired.size());
		}
		return expired;
	}

	private Instant validUntil(GrantRequest request, Purpose purpose, Instant now) {
		Instant maximum = now.atZone(ZoneOffset.UTC).plus(purpose.maxValidity()).toInstant();
		if (request.validUntil() == null) {
			return maximum;
		}
		Instant validUntil = request.validUntil().truncatedTo(ChronoUnit.SECONDS);
		if (!validUntil.isAfter(now)) {
			throw refused(GrantRefused.Reason.VALIDITY_INVALID, request, "the end of validity has passed");
		}
		if (validUntil.isAfter(maximum)) {
			throw refused(GrantRefused.Reason.VALIDITY_TOO_LONG, request,
					"longer than the purpose's maximum " + purpose.maxValidity());
		}
		return validUntil;
	}

	private void checkScope(GrantRequest request, Purpose purpose) {
		if (request.to().isEmpty() || request.documents().isEmpty()
				|| new HashSet<>(request.to()).size() != request.to().size()
				|| new HashSet<>(request.documents()).size() != request.documents().size()) {
			throw refused(GrantRefused.Reason.SCOPE_INCOMPLETE, request,
					"name at least one recipient and one document type, each once");
		}
		for (DocumentType type : request.documents()) {
			if (!purpose.documentTypes().contains(type)) {
				throw refused(GrantRefused.Reason.DOCUMENT_NOT_IN_PURPOSE, request, type.code());
			}
			boolean senderRouted = purpose.routes()
				.stream()
				.anyMatch((route) -> route.from().equals(request.from()) && route.documentTypes().contains(type));
			if (!senderRouted) {
				throw refused(GrantRefused.Reason.SENDER_NOT_ALLOWED, request,
						request.from() + " does not send " + type.code());
			}
			for (String recipient : request.to()) {
				if (!purpose.covers(request.from(), recipient, type)) {
					throw refused(GrantRefused.Reason.RECIPIENT_NOT_ALLOWED, request,
							recipient + " does not receive " + type.code() + " from " + request.from());
				}
			}
		}
	}

	private void checkText(GrantRequest request, Purpose purpose) {
		if (!purpose.offersLanguage(request.language())) {
			throw refused(GrantRefused.Reason.LANGUAGE_UNSUPPORTED, request, "language " + request.language());
		}
		String expected = purpose.text(request.language()).sha256();
		if (!expected.equals(request.textSha256().toLowerCase(Locale.ROOT))) {
			throw refused(GrantRefused.Reason.TEXT_MISMATCH, request,
					"not the hash of the catalogue text in " + request.language());
		}
	}

	private static GrantRefused refused(GrantRefused.Reason reason, GrantRequest request, String detail) {
		logger.debug("Refused a grant for purpose {}: {} ({})", request.purpose(), reason, detail);
		return new GrantRefused(reason, request.purpose(), detail);
	}

}
