package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Turns a staff member's sign-in at their organisation's provider into their Ketenpoort
 * account: keyed by the provider's issuer and {@code sub}, bound to that organisation,
 * made at the first sign-in, its roles read again from the roles claim at every sign-in
 * (and removed when the claim no longer gives any).
 */
class StaffLogins {

	private static final Logger log = LoggerFactory.getLogger(StaffLogins.class);

	private final Map<String, FederationSettings.OrganisationProvider> organisations;

	private final FederatedAccounts accounts;

	StaffLogins(Map<String, FederationSettings.OrganisationProvider> organisations, FederatedAccounts accounts) {
		this.organisations = Map.copyOf(organisations);
		this.accounts = accounts;
	}

	/**
	 * The account of the person this verified ID token names.
	 * @param organisation the organisation whose provider issued it
	 * @param idToken the ID token, its signature, issuer, audience and time checked
	 * @return the account, with the roles the token gives
	 * @throws FederatedLoginRefused when the token names another organisation, the
	 * account belongs to another organisation or is deactivated, or no role is given
	 */
	Person person(String organisation, OidcIdToken idToken) {
		FederationSettings.OrganisationProvider provider = this.organisations.get(organisation);
		if (provider == null) {
			throw new FederatedLoginRefused(RefusalReason.PROVIDER_ERROR, null);
		}
		String issuer = idToken.getIssuer().toString();
		String subject = idToken.getSubject();
		if (provider.organisationClaim() != null
				&& !organisation.equals(idToken.getClaimAsString(provider.organisationClaim()))) {
			log.debug("Refused a sign-in at the provider of {}: its token names another organisation, or none",
					organisation);
			throw new FederatedLoginRefused(RefusalReason.ORGANISATION_MISMATCH, null);
		}
		Set<Role> roles = roles(provider, idToken.getClaims().get(provider.rolesClaim()));
		Optional<Person> known = this.accounts.staff(issuer, subject);
		if (known.isPresent()) {
			Person person = known.get();
			if (!person.organisation().filter(organisation::equals).isPresent()) {
				log.debug("Refused a sign-in at the provider of {}: the account belongs to another organisation",
						organisation);
				throw new FederatedLoginRefused(RefusalReason.ORGANISATION_MISMATCH, person.toActor(Set.of()));
			}
			if (!person.active()) {
				log.debug("Refused a sign-in at the provider of {}: the account is deactivated", organisation);
				throw new FederatedLoginRefused(RefusalReason.ACCOUNT_DISABLED, person.toActor(Set.of()));
			}
			if (!person.roles().equals(roles)) {
				this.accounts.roles(person.id(), roles);
				person = new Person(person.id(), person.username(), roles, person.organisation(), person.subjectRef(),
						person.active());
			}
			if (roles.isEmpty()) {
				log.debug("Refused a sign-in at the provider of {}: the token gives no role, so the account has none",
						organisation);
				throw new FederatedLoginRefused(RefusalReason.NO_ROLE, person.toActor(Set.of()));
			}
			return person;
		}
		if (roles.isEmpty()) {
			log.debug("Refused a first sign-in at the provider of {}: the token gives no role", organisation);
			throw new FederatedLoginRefused(RefusalReason.NO_ROLE, null);
		}
		Person made = this.accounts.staff(organisation, issuer, subject, organisation, roles);
		log.info("Made the account of a {} of {} at their first sign-in", roles, organisation);
		return made;
	}

	/**
	 * The roles the claim's values map to; a value the mapping does not list gives
	 * nothing, and a role a staff provider may not give is never given.
	 */
	static Set<Role> roles(FederationSettings.OrganisationProvider provider, @Nullable Object claim) {
		Stream<?> values;
		if (claim instanceof String one) {
			values = Stream.of(one);
		}
		else if (claim instanceof Collection<?> many) {
			values = many.stream();
		}
		else {
			values = Stream.empty();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		values.filter(String.class::isInstance)
			.map((value) -> provider.roleMapping().get((String) value))
			.filter((role) -> role != null && FederationSettings.STAFF_ROLES.contains(role))
			.forEach(roles::add);
		return roles;
	}

}
