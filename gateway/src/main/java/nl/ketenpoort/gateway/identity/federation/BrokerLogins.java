package nl.ketenpoort.gateway.identity.federation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.identity.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

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
 * </ol>
 * A BSN that names no known subject lets nobody in: the person sees that their case
 * manager records consent with them on paper.
 */
public class BrokerLogins {

	private static final Logger log = LoggerFactory.getLogger(BrokerLogins.class);

	private final FederationSettings.Broker broker;

	private final Subjects subjects;

	private final FederatedAccounts accounts;

	BrokerLogins(FederationSettings.Broker broker, Subjects subjects, FederatedAccounts accounts) {
		this.broker = broker;
		this.subjects = subjects;
		this.accounts = accounts;
	}

	/**
	 * The status holder's account for this verified ID token of the broker.
	 * @param idToken the broker's ID token, its signature, issuer, audience, time and
	 * nonce checked
	 * @return the account, a status holder linked to the known subject
	 * @throws FederatedLoginRefused with {@link Refusal#ACR_TOO_LOW},
	 * {@link Refusal#NO_BSN}, {@link Refusal#NO_SUBJECT} or
	 * {@link Refusal#ACCOUNT_DISABLED}
	 */
	public Person person(OidcIdToken idToken) {
		String acr = idToken.getClaimAsString(IdTokenClaimNames.ACR);
		if (acr == null || !this.broker.acrValues().contains(acr)) {
			log.debug("Refused a sign-in through the broker: its level of assurance is not one of {}",
					this.broker.acrValues());
			throw new FederatedLoginRefused(Refusal.ACR_TOO_LOW, null);
		}
		SubjectRef subject = subject(idToken).orElseThrow(() -> new FederatedLoginRefused(Refusal.NO_SUBJECT, null));
		Person person = this.accounts.statusHolder(idToken.getIssuer().toString(), subject.pseudonym());
		if (!person.active()) {
			log.debug("Refused a sign-in through the broker: the account is deactivated");
			throw new FederatedLoginRefused(Refusal.ACCOUNT_DISABLED, person.toActor(Set.of()));
		}
		return person;
	}

	/**
	 * The known subject of the token's BSN; the BSN goes no further than this method.
	 */
	private Optional<SubjectRef> subject(OidcIdToken idToken) {
		Object claim = idToken.getClaims().get(this.broker.bsnClaim());
		Bsn bsn;
		try {
			if (!(claim instanceof String value)) {
				log.debug("Refused a sign-in through the broker: its token has no claim {}", this.broker.bsnClaim());
				throw new FederatedLoginRefused(Refusal.NO_BSN, null);
			}
			bsn = Bsn.parse(value);
		}
		catch (IdentifierInvalid ex) {
			log.debug("Refused a sign-in through the broker: the claim {} holds no valid BSN ({})",
					this.broker.bsnClaim(), ex.reason());
			throw new FederatedLoginRefused(Refusal.NO_BSN, null);
		}
		Optional<SubjectRef> subject = this.subjects.find(new SubjectIdentifiers(null, bsn));
		if (subject.isEmpty()) {
			log.debug("Refused a sign-in through the broker: the BSN names no status holder the registry knows");
		}
		return subject;
	}

	/** The accepted levels of assurance, asked for with {@code acr_values}. */
	List<String> acrValues() {
		return this.broker.acrValues();
	}

}
