package nl.ketenpoort.gateway.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.schemas.DocumentType;

/**
 * Who is calling: a partner system or a person, as established from the access token or
 * the login session. Features check object-level access against it (a partner reads its
 * own exchanges, a privacy officer sees its own organisation's events).
 *
 * @param kind partner system or person
 * @param id the partner's client id, or the person's user id (a UUID, never a name)
 * @param organisation organisation code, such as {@code coa}; absent for status holders
 * @param roles the roles; {@link Role#PARTNER} exactly for partner systems
 * @param subjectRef the person's own subject pseudonym, for status holders only
 * @param scopes the OAuth2 scopes of the token; empty for session logins
 * @param actingFor the status holder this person represents under a mandate, for this
 * request only (re-checked at every request of a login session; never from a token)
 */
public record Actor(Kind kind, String id, Optional<String> organisation, Set<Role> roles, Optional<String> subjectRef,
		Set<String> scopes, Optional<ActingFor> actingFor) {

	/** Whether an actor is a partner system or a person. */
	public enum Kind {

		/** A partner system (OAuth2 client). */
		PARTNER,

		/** A person who logged in. */
		PERSON

	}

	/**
	 * A person acting for a represented status holder: the represented subject and the
	 * mandate that allows it.
	 *
	 * @param subjectRef the represented status holder's subject pseudonym
	 * @param mandateId the mandate the person acts under
	 */
	public record ActingFor(String subjectRef, UUID mandateId) {

		@Override
		public String toString() {
			return "ActingFor[mandate " + this.mandateId + "]";
		}

	}

	public Actor {
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	/** An actor acting for nobody but themself. */
	public Actor(Kind kind, String id, Optional<String> organisation, Set<Role> roles, Optional<String> subjectRef,
			Set<String> scopes) {
		this(kind, id, organisation, roles, subjectRef, scopes, Optional.empty());
	}

	/** This actor acting for a represented status holder. */
	public Actor actingFor(ActingFor representation) {
		return new Actor(this.kind, this.id, this.organisation, this.roles, this.subjectRef, this.scopes,
				Optional.of(representation));
	}

	/**
	 * The status holder whose own data this person works with as that person: the
	 * represented status holder while acting for one under a mandate, else their own
	 * subject. Features that serve "your own" data ask this, never {@link #subjectRef()}.
	 */
	public Optional<String> dataSubject() {
		return this.actingFor.map(ActingFor::subjectRef).or(() -> this.subjectRef);
	}

	/** The mandate this person acts under, if they act for someone. */
	public Optional<UUID> mandate() {
		return this.actingFor.map(ActingFor::mandateId);
	}

	/** A partner system with the scopes of its token. */
	public static Actor partner(String clientId, String organisation, Set<String> scopes) {
		return new Actor(Kind.PARTNER, clientId, Optional.of(organisation), Set.of(Role.PARTNER), Optional.empty(),
				scopes);
	}

	public boolean isPartner() {
		return this.kind == Kind.PARTNER;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * Whether the token allows sending this document type (scope
	 * {@code exchange:send:<type>}).
	 */
	public boolean maySend(DocumentType documentType) {
		return isPartner() && hasScope("exchange:send:" + documentType.code());
	}

	/**
	 * Whether the token allows receiving this document type (scope
	 * {@code exchange:receive:<type>}).
	 */
	public boolean mayReceive(DocumentType documentType) {
		return isPartner() && hasScope("exchange:receive:" + documentType.code());
	}

	/** Whether this actor belongs to the organisation with this code. */
	public boolean belongsTo(String organisationCode) {
		return this.organisation.filter(organisationCode::equals).isPresent();
	}

	@Override
	public String toString() {
		// Kind and roles only: log lines must not carry identifiers.
		return "Actor[" + this.kind + " " + this.roles + (this.actingFor.isPresent() ? " acting for" : "") + "]";
	}

}
