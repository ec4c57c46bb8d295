package nl.ketenpoort.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import nl.ketenpoort.gateway.identity.internal.federation.FederatedAccounts;
import nl.ketenpoort.gateway.identity.internal.federation.FederatedLoginRefused;
import nl.ketenpoort.gateway.identity.internal.federation.FederationSettings;
import nl.ketenpoort.gateway.identity.internal.federation.RepresentsClaim;

/**
 * Turns a status holder's sign-in through the DigiD broker into their Ketenpoort account:
 * the one place where the broker's claims become a {@link Person}.
 * <ol>
 * <li>The {@code acr} must be one of the accepted levels of assurance.</li>
 * <li>The BSN claim is parsed as a {@link Bsn} and at once resolved to the subject the
 * consent registry already knows ({@link Subjects#find}), which keeps only a keyed
 * pseudonym of it; the BSN itself is not stored, logged or kept in the session.</li>
 * <li>The account is the one of that subject at this broker (made at the first sign-in):
 * the broker's {@code sub} is never the key, so pairwise {@code sub}s of one BSN reach
 * one account.</li>
 * <li>When the token names a represented person ({@code represents}, OIDC NL GOV), the
 * session acts for them if a mandate allows it ({@link RepresentationCheck}), and the
 * sign-in is refused otherwise. A representative the registry knows as no subject (a
 * Nidos guardian) signs in with an account keyed by the keyed pseudonym of their own BSN,
 * which reaches nobody's data but through a mandate.</li>
 * </ol>
 * A BSN that names no known subject, without {@code represents}, lets nobody in: the
 * person sees that their case manager records consent with them on paper.
 */
public class BrokerLogins {

	private static final Logger log = LoggerFactory.getLogger(BrokerLogins.class);

	private final FederationSettings.Broker broker;

	private final Subjects subjects;

	private final FederatedAccounts accounts;

	private final RepresentsClaim represents;

	private final @Nullable RepresentationCheck representations;

	public BrokerLogins(FederationSettings.Broker broker, Subjects subjects, FederatedAccounts accounts,
			@Nullable RepresentationCheck representations) {
		this.broker = broker;
		this.subjects = subjects;
		this.accounts = accounts;
		this.represents = new RepresentsClaim(broker.representsClaim());
		this.representations = representations;
	}

	/**
	 * The account for this verified ID token of the broker; when it names a represented
	 * person, the session acts for them from its next request on.
	 * @param idToken the broker's ID token, its signature, issuer, audience, time and
	 * nonce checked
	 * @param session the login session
	 * @return the account: a status holder linked to the known subject, or a
	 * representative's
	 * @throws FederatedLoginRefused with {@link RefusalReason#ACR_TOO_LOW},
	 * {@link RefusalReason#NO_BSN}, {@link RefusalReason#REPRESENTS_INVALID},
	 * {@link RefusalReason#NO_SUBJECT}, {@link RefusalReason#ACCOUNT_DISABLED} or, for a
	 * representative, {@link RefusalReason#NO_MANDATE},
	 * {@link RefusalReason#MANDATE_EXPIRED} or {@link RefusalReason#MANDATE_REVOKED}
	 */
	public Person person(OidcIdToken idToken, HttpSession session) {
		String acr = idToken.getClaimAsString(IdTokenClaimNames.ACR);
		if (acr == null || !this.broker.acrValues().contains(acr)) {
			log.debug("Refused a sign-in through the broker: its level of assurance is not one of {}",
					this.broker.acrValues());
			throw new FederatedLoginRefused(RefusalReason.ACR_TOO_LOW, null);
		}
		Bsn bsn = bsn(idToken);
		Optional<Bsn> represented = this.represents.represented(idToken.getClaims());
		Person person = account(idToken.getIssuer().toString(), bsn, represented.isPresent())
			.orElseThrow(() -> new FederatedLoginRefused(RefusalReason.NO_SUBJECT, null));
		if (!person.active()) {
			log.debug("Refused a sign-in through the broker: the account is deactivated");
			throw new FederatedLoginRefused(RefusalReason.ACCOUNT_DISABLED, person.toActor(Set.of()));
		}
		if (represented.isPresent()) {
			Optional<RefusalReason> refusal = (this.representations != null)
					? this.representations.represent(person.id(), represented.get(), session)
					: Optional.of(RefusalReason.NO_MANDATE);
			if (refusal.isPresent()) {
				// Never the representative's own portal instead: they signed in to act
				// for someone.
				log.debug("Refused a representative's sign-in through the broker: {}", refusal.get());
				throw new FederatedLoginRefused(refusal.get(), person.toActor(Set.of()));
			}
		}
		return person;
	}

	/**
	 * The account a sign-in through this broker with this BSN and a {@code represents}
	 * claim reaches, made now if need be: for a case manager who names a representative
	 * by BSN in a mandate, so that it is the account they will sign in with.
	 * @param bsn the representative's own BSN; it goes no further than this method
	 * @return the account
	 */
	public Person representative(Bsn bsn) {
		return account(this.broker.issuerUri().toString(), bsn, true).orElseThrow();
	}

	/**
	 * The account of a BSN at this broker: the status holder's of the subject the
	 * registry knows by it, else for a representative one keyed by the BSN's keyed
	 * pseudonym (no subject is registered), else none.
	 */
	private Optional<Person> account(String issuer, Bsn bsn, boolean representative) {
		Optional<SubjectRef> subject = this.subjects.find(new SubjectIdentifiers(null, bsn));
		if (subject.isPresent()) {
			return Optional.of(this.accounts.statusHolder(issuer, subject.get().pseudonym()));
		}
		if (representative) {
			// With no subject known, this is the pseudonym of the BSN itself.
			String pseudonym = this.subjects.pseudonymOf(new SubjectIdentifiers(null, bsn)).pseudonym();
			return Optional.of(this.accounts.representative(issuer, pseudonym));
		}
		log.debug("Refused a sign-in through the broker: the BSN names no status holder the registry knows");
		return Optional.empty();
	}

	/** The token's own BSN, of whoever signs in. */
	private Bsn bsn(OidcIdToken idToken) {
		Object claim = idToken.getClaims().get(this.broker.bsnClaim());
		try {
			if (!(claim instanceof String value)) {
				log.debug("Refused a sign-in through the broker: its token has no claim {}", this.broker.bsnClaim());
				throw new FederatedLoginRefused(RefusalReason.NO_BSN, null);
			}
			return Bsn.parse(value);
		}
		catch (IdentifierInvalid ex) {
			log.debug("Refused a sign-in through the broker: the claim {} holds no valid BSN ({})",
					this.broker.bsnClaim(), ex.reason());
			throw new FederatedLoginRefused(RefusalReason.NO_BSN, null);
		}
	}

	/** The accepted levels of assurance, asked for with {@code acr_values}. */
	public List<String> acrValues() {
		return this.broker.acrValues();
	}

}
