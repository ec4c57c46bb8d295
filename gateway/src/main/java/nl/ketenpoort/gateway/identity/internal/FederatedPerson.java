package nl.ketenpoort.gateway.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import nl.ketenpoort.gateway.identity.Person;

/**
 * The login of a person who signed in at an upstream OpenID provider: named by the
 * Ketenpoort user id the provider's claims were mapped to (never the provider's
 * {@code sub}), with the roles of that mapping, and the provider's ID token trimmed to
 * what logging out there needs. No name, e-mail address or BSN is kept in the session.
 */
public final class FederatedPerson implements OidcUser, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The ID token claims kept in the session: none that name or identify the person. */
	private static final Set<String> KEPT_CLAIMS = Set.of(IdTokenClaimNames.ISS, IdTokenClaimNames.SUB,
			IdTokenClaimNames.AUD, IdTokenClaimNames.IAT, IdTokenClaimNames.EXP, IdTokenClaimNames.ACR, "sid");

	/** The token value of an ID token that is not kept (it named the person). */
	private static final String NOT_KEPT = "not-kept";

	private final String personId;

	private final String registrationId;

	private final Set<GrantedAuthority> authorities;

	private final OidcIdToken idToken;

	private final boolean idTokenKept;

	private FederatedPerson(String personId, String registrationId, Set<GrantedAuthority> authorities,
			OidcIdToken idToken, boolean idTokenKept) {
		this.personId = personId;
		this.registrationId = registrationId;
		this.authorities = Set.copyOf(authorities);
		this.idToken = idToken;
		this.idTokenKept = idTokenKept;
	}

	/**
	 * The login of a person.
	 * @param person the Ketenpoort account the provider's claims were mapped to
	 * @param registrationId the provider's registration, such as {@code coa} or
	 * {@code broker}
	 * @param idToken the provider's ID token
	 * @param keepTokenValue whether the signed token may stay in the session, to be sent
	 * back as {@code id_token_hint} at logout; not when it carries a BSN
	 * @return the login
	 */
	public static FederatedPerson of(Person person, String registrationId, OidcIdToken idToken,
			boolean keepTokenValue) {
		Map<String, Object> claims = new LinkedHashMap<>();
		idToken.getClaims().forEach((name, value) -> {
			if (KEPT_CLAIMS.contains(name)) {
				claims.put(name, value);
			}
		});
		Instant issuedAt = idToken.getIssuedAt();
		Instant expiresAt = idToken.getExpiresAt();
		OidcIdToken kept = new OidcIdToken(keepTokenValue ? idToken.getTokenValue() : NOT_KEPT, issuedAt, expiresAt,
				claims);
		Set<GrantedAuthority> authorities = person.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.collect(Collectors.toSet());
		return new FederatedPerson(person.id().toString(), registrationId, authorities, kept, keepTokenValue);
	}

	/** The Ketenpoort user id. */
	public UUID personId() {
		return UUID.fromString(this.personId);
	}

	/** The registration of the provider signed in at. */
	public String registrationId() {
		return this.registrationId;
	}

	/**
	 * Whether {@link #getIdToken()} is the provider's signed token, which logout may send
	 * back as {@code id_token_hint}.
	 */
	public boolean idTokenKept() {
		return this.idTokenKept;
	}

	/** The Ketenpoort user id, which names the login, as the form login's does. */
	@Override
	public String getName() {
		return this.personId;
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.idToken.getClaims();
	}

	@Override
	public Set<GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	@Override
	public String toString() {
		// No identifiers in log lines.
		return "FederatedPerson[" + this.registrationId + " " + this.authorities + "]";
	}

}
