package nl.ketenpoort.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.statement.ConsentStatements;
import nl.ketenpoort.consent.statement.StatementClaims;
import nl.ketenpoort.consent.statement.StatementRejected;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent check every exchange passes, at acceptance and again at delivery.
 * <p>
 * The consents and their status are read from the database on every call, so a revocation
 * on any node is seen by the very next check on every node. Only the signature
 * verification of a statement is cached (see {@link ConsentStatements}).
 */
public class ConsentChecks {

	private static final Logger logger = LoggerFactory.getLogger(ConsentChecks.class);

	private final Consents consents;

	private final PurposeCatalogue catalogue;

	private final ConsentStatements statements;

	private final Clock clock;

	ConsentChecks(Consents consents, PurposeCatalogue catalogue, ConsentStatements statements, Clock clock) {
		this.consents = consents;
		this.catalogue = catalogue;
		this.statements = statements;
		this.clock = clock;
	}

	/**
	 * Whether the subject's consent covers sending this document type from this sender to
	 * this recipient for this purpose.
	 * <p>
	 * A consent <em>covers</em> the exchange when it is for the purpose in its current
	 * catalogue version, names the sender as {@code from}, names the recipient among
	 * {@code to} and names the document type. A consent is <em>in force</em> when it is
	 * active and before its end of validity. The decision, in this order:
	 * <ol>
	 * <li>a covering consent in force whose statement verifies (ES256, known key, within
	 * its validity window) and whose claims equal the stored row: <b>allowed</b>;</li>
	 * <li>covering consents in force exist but none verifies: the problem of the newest
	 * one, {@link RefusalReason#SIGNATURE_INVALID} (also when the row was edited),
	 * {@link RefusalReason#KEY_UNKNOWN} or {@link RefusalReason#EXPIRED};</li>
	 * <li>covering consents exist, none in force: the newest one's state,
	 * {@link RefusalReason#REVOKED} or {@link RefusalReason#EXPIRED};</li>
	 * <li>otherwise, among the consents in force: one with this purpose, sender and
	 * recipient but not this document type: {@link RefusalReason#DOCUMENT_NOT_COVERED};
	 * else one with this purpose but not this sender with this recipient:
	 * {@link RefusalReason#PARTY_MISMATCH}; else one with this sender and recipient but
	 * another purpose (or an earlier version of this one, which does not cover the
	 * current version): {@link RefusalReason#PURPOSE_MISMATCH};</li>
	 * <li>otherwise {@link RefusalReason#NO_CONSENT}.</li>
	 * </ol>
	 * @param subject the status holder
	 * @param purpose the purpose code
	 * @param from the sending partner id
	 * @param to the receiving partner id
	 * @param type the document type
	 * @return allowed, with the consent and the categories that may be sent, or denied
	 * with one reason
	 */
	public ConsentDecision check(SubjectRef subject, String purpose, String from, String to, DocumentType type) {
		Instant now = this.clock.instant();
		Optional<Purpose> current = this.catalogue.find(purpose);
		int version = current.map(Purpose::version).orElse(-1);
		List<Consent> all = this.consents.forSubject(subject);
		List<Consent> covering = all.stream()
			.filter((consent) -> consent.purpose().equals(purpose) && consent.purposeVersion() == version
					&& consent.covers(from, to) && consent.documents().contains(type))
			.sorted(Comparator.comparing(Consent::grantedAt).reversed())
			.toList();
		RefusalReason firstProblem = null;
		for (Consent consent : covering) {
			if (consent.inForceAt(now)) {
				RefusalReason problem = verify(consent);
				if (problem == null) {
					return allowed(consent, current.orElseThrow(), type);
				}
				firstProblem = (firstProblem != null) ? firstProblem : problem;
			}
		}
		if (firstProblem != null) {
			return denied(firstProblem, purpose);
		}
		if (!covering.isEmpty()) {
			ConsentStatus newest = covering.get(0).statusAt(now);
			return denied((newest == ConsentStatus.REVOKED) ? RefusalReason.REVOKED : RefusalReason.EXPIRED, purpose);
		}
		List<Consent> inForce = all.stream().filter((consent) -> consent.inForceAt(now)).toList();
		if (inForce.stream()
			.anyMatch((consent) -> consent.purpose().equals(purpose) && consent.purposeVersion() == version
					&& consent.covers(from, to))) {
			return denied(RefusalReason.DOCUMENT_NOT_COVERED, purpose);
		}
		if (inForce.stream()
			.anyMatch((consent) -> consent.purpose().equals(purpose) && consent.purposeVersion() == version)) {
			return denied(RefusalReason.PARTY_MISMATCH, purpose);
		}
		if (inForce.stream().anyMatch((consent) -> consent.covers(from, to))) {
			return denied(RefusalReason.PURPOSE_MISMATCH, purpose);
		}
		return denied(RefusalReason.NO_CONSENT, purpose);
	}

	/**
	 * Check a statement presented by someone else (for example a recipient verifying the
	 * statement that came with a document): it must verify, its claims must cover this
	 * exchange (else {@link RefusalReason#PURPOSE_MISMATCH},
	 * {@link RefusalReason#PARTY_MISMATCH} or
	 * {@link RefusalReason#DOCUMENT_NOT_COVERED}), and the consent it names must be
	 * stored unchanged and still in force (else {@link RefusalReason#NO_CONSENT},
	 * {@link RefusalReason#REVOKED}, {@link RefusalReason#EXPIRED} or
	 * {@link RefusalReason#SIGNATURE_INVALID}).
	 * @param statement the compact JWS
	 * @param purpose the purpose code
	 * @param from the sending partner id
	 * @param to the receiving partner id
	 * @param type the document type
	 * @return the decision
	 */
	public ConsentDecision checkStatement(String statement, String purpose, String from, String to, DocumentType type) {
		StatementClaims claims;
		try {
			claims = this.statements.verify(statement);
		}
		catch (StatementRejected ex) {
			return denied(reasonFor(ex.problem()), purpose);
		}
		Optional<Purpose> current = this.catalogue.find(purpose);
		if (!claims.purpose().equals(purpose) || current.isEmpty()
				|| claims.purposeVersion() != current.get().version()) {
			return denied(RefusalReason.PURPOSE_MISMATCH, purpose);
		}
		if (!claims.from().equals(from) || !claims.to().contains(to)) {
			return denied(RefusalReason.PARTY_MISMATCH, purpose);
		}
		if (!claims.documents().contains(type)) {
			return denied(RefusalReason.DOCUMENT_NOT_COVERED, purpose);
		}
		Optional<Consent> stored = this.consents.find(claims.consentId());
		if (stored.isEmpty()) {
			return denied(RefusalReason.NO_CONSENT, purpose);
		}
		Consent consent = stored.get();
		if (!consent.statement().equals(statement) || !matches(claims, consent)) {
			return denied(RefusalReason.SIGNATURE_INVALID, purpose);
		}
		ConsentStatus status = consent.statusAt(this.clock.instant());
		if (status != ConsentStatus.ACTIVE) {
			return denied((status == ConsentStatus.REVOKED) ? RefusalReason.REVOKED : RefusalReason.EXPIRED, purpose);
		}
		return allowed(consent, current.get(), type);
	}

	/**
	 * Check again, at delivery, the very consent an exchange relied on when it was
	 * accepted, not any covering consent: it must belong to the subject, and pass
	 * {@link #checkStatement} with its own stored statement (it verifies, covers this
	 * purpose in its current version, this route and this document type, is stored
	 * unchanged and is still in force). So the statement sent along and the consent the
	 * audit names are always the same one.
	 * @param consentId the consent the exchange relied on
	 * @param subject the status holder
	 * @param purpose the purpose code
	 * @param from the sending partner id
	 * @param to the receiving partner id
	 * @param type the document type
	 * @return allowed with that consent, or denied with one reason
	 */
	public ConsentDecision recheck(UUID consentId, SubjectRef subject, String purpose, String from, String to,
			DocumentType type) {
		Optional<Consent> stored = this.consents.find(consentId);
		if (stored.isEmpty() || !stored.get().subject().equals(subject)) {
			return denied(RefusalReason.NO_CONSENT, purpose);
		}
		return checkStatement(stored.get().statement(), purpose, from, to, type);
	}

	private @Nullable RefusalReason verify(Consent consent) {
		try {
			StatementClaims claims = this.statements.verify(consent.statement());
			if (!matches(claims, consent)) {
				logger.debug("Consent {}: its statement does not match the stored consent", consent.id());
				return RefusalReason.SIGNATURE_INVALID;
			}
			return null;
		}
		catch (StatementRejected ex) {
			return reasonFor(ex.problem());
		}
	}

	/**
	 * The row must say exactly what the signed statement says; any edit to it shows here.
	 */
	private static boolean matches(StatementClaims claims, Consent consent) {
		return claims.consentId().equals(consent.id()) && claims.subject().equals(consent.subject())
				&& claims.purpose().equals(consent.purpose()) && claims.purposeVersion() == consent.purposeVersion()
				&& claims.from().equals(consent.from()) && sameElements(claims.to(), consent.to())
				&& sameElements(claims.documents(), consent.documents())
				&& claims.issuedAt().equals(consent.grantedAt()) && claims.notBefore().equals(consent.grantedAt())
				&& claims.expiresAt().equals(consent.validUntil()) && claims.textSha256().equals(consent.textSha256())
				&& claims.language().equals(consent.language())
				&& claims.method().equals(consent.method().kind().code());
	}

	private static boolean sameElements(List<?> left, List<?> right) {
		return left.size() == right.size() && new HashSet<>(left).equals(new HashSet<>(right));
	}

	private static RefusalReason reasonFor(StatementRejected.Problem problem) {
		return switch (problem) {
			case SIGNATURE_INVALID -> RefusalReason.SIGNATURE_INVALID;
			case KEY_UNKNOWN -> RefusalReason.KEY_UNKNOWN;
			case EXPIRED -> RefusalReason.EXPIRED;
		};
	}

	private static ConsentDecision allowed(Consent consent, Purpose purpose, DocumentType type) {
		Set<String> categories = purpose.categoriesFor(type).orElse(Set.of());
		return new ConsentDecision.Allowed(consent.id(), consent.statement(), purpose.legalBasis(), categories,
				purpose.specialCategory(), consent.validUntil());
	}

	private static ConsentDecision denied(RefusalReason reason, String purpose) {
		logger.debug("Consent check for purpose {} denied: {}", purpose, reason);
		return new ConsentDecision.Denied(reason);
	}

}
