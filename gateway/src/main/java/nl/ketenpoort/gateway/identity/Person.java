package nl.ketenpoort.gateway.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can log in; holds no name and no V-number.
 *
 * @param id the user id, which tokens carry as {@code sub}
 * @param username the login name
 * @param roles the roles
 * @param organisation organisation code for staff, such as {@code coa}
 * @param subjectRef the subject pseudonym of a status holder
 * @param active whether the person may log in and use tokens
 */
public record Person(UUID id, String username, Set<Role> roles, Optional<String> organisation,
		Optional<String> subjectRef, boolean active) {

	public Person {
		roles = Set.copyOf(roles);
	}

	/** This person as the actor of a request, with the scopes of its token (if any). */
	public Actor toActor(Set<String> scopes) {
		return new Actor(Actor.Kind.PERSON, this.id.toString(), this.organisation, this.roles, this.subjectRef, scopes);
	}

	@Override
	public String toString() {
		return "Person[" + this.roles + "]";
	}

}
