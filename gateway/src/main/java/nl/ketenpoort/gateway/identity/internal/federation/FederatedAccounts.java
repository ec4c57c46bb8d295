package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts of people who sign in at an upstream provider, in {@code identity_person}
 * next to the local ones but never one of them: they have no password, so the login form
 * cannot reach them, and a local account of the same person stays a separate account. A
 * staff account is keyed by the provider's issuer and {@code sub}; a status holder's by
 * the broker's issuer and the subject pseudonym.
 */
public class FederatedAccounts {

	private final JdbcClient jdbc;

	private final People people;

	FederatedAccounts(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** The staff account of this provider's {@code sub}, if it signed in before. */
	Optional<Person> staff(String issuer, String subject) {
		return this.jdbc
			.sql("SELECT id FROM identity_person WHERE provider_issuer = :issuer AND provider_subject = :subject")
			.param("issuer", issuer)
			.param("subject", subject)
			.query(UUID.class)
			.optional()
			.flatMap(this.people::find);
	}

	/**
	 * The staff account of this provider's {@code sub}, made now (bound to the
	 * organisation) if it was not yet; two first sign-ins at once make one account.
	 */
	Person staff(String registrationId, String issuer, String subject, String organisation, Set<Role> roles) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO identity_person (id, username, roles, organisation, provider_issuer, provider_subject)
				VALUES (:id, :username, :roles, :organisation, :issuer, :subject)
				ON CONFLICT (provider_issuer, provider_subject) WHERE provider_subject IS NOT NULL DO NOTHING""")
			.param("id", id)
			.param("username", username(registrationId, id))
			.param("roles", codes(roles))
			.param("organisation", organisation)
			.param("issuer", issuer)
			.param("subject", subject)
			.update();
		return staff(issuer, subject).orElseThrow();
	}

	/**
	 * The status holder's account of this subject at this broker, made now if need be.
	 */
	public Person statusHolder(String issuer, String subjectRef) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO identity_person (id, username, roles, subject_ref, provider_issuer)
				VALUES (:id, :username, :roles, :subject, :issuer)
				ON CONFLICT (provider_issuer, subject_ref)
				WHERE provider_issuer IS NOT NULL AND provider_subject IS NULL DO NOTHING""")
			.param("id", id)
			.param("username", username(FederationSettings.BROKER, id))
			.param("roles", codes(Set.of(Role.STATUS_HOLDER)))
			.param("subject", subjectRef)
			.param("issuer", issuer)
			.update();
		return this.jdbc.sql("""
				SELECT id FROM identity_person
				WHERE provider_issuer = :issuer AND subject_ref = :subject AND provider_subject IS NULL""")
			.param("issuer", issuer)
			.param("subject", subjectRef)
			.query(UUID.class)
			.optional()
			.flatMap(this.people::find)
			.orElseThrow();
	}

	/**
	 * The account at this broker of a representative whom the registry knows as no
	 * subject, keyed by the keyed pseudonym of their own BSN, made now if need be: a
	 * status holder's role without a subject, so that it reaches nobody's data but
	 * through a mandate.
	 */
	public Person representative(String issuer, String identifierPseudonym) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO identity_person (id, username, roles, representative_ref, provider_issuer)
				VALUES (:id, :username, :roles, :representative, :issuer)
				ON CONFLICT (provider_issuer, representative_ref) WHERE representative_ref IS NOT NULL DO NOTHING""")
			.param("id", id)
			.param("username", username(FederationSettings.BROKER, id))
			.param("roles", codes(Set.of(Role.STATUS_HOLDER)))
			.param("representative", identifierPseudonym)
			.param("issuer", issuer)
			.update();
		return this.jdbc.sql(
				"SELECT id FROM identity_person WHERE provider_issuer = :issuer AND representative_ref = :representative")
			.param("issuer", issuer)
			.param("representative", identifierPseudonym)
			.query(UUID.class)
			.optional()
			.flatMap(this.people::find)
			.orElseThrow();
	}

	/** Replaces an account's roles with those the provider's claims give now. */
	void roles(UUID id, Set<Role> roles) {
		this.jdbc.sql("UPDATE identity_person SET roles = :roles WHERE id = :id")
			.param("roles", codes(roles))
			.param("id", id)
			.update();
	}

	/**
	 * A username no one types: the login form finds such accounts by it but cannot log
	 * them in (they have no password), and it names nobody.
	 */
	private static String username(String registrationId, UUID id) {
		return "oidc:" + registrationId + ":" + id;
	}

	private static String[] codes(Set<Role> roles) {
		return roles.stream().map(Role::code).sorted().toArray(String[]::new);
	}

}
