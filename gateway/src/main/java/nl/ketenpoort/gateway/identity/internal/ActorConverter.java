package nl.ketenpoort.gateway.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;

/**
 * Turns a verified access token into the {@link Actor} of the request: a partner from the
 * partner registry, or a person from the user table. A partner switched off or a person
 * deactivated loses access at once, even with a token that is still valid.
 */
class ActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final Partners partners;

	private final People people;

	ActorConverter(Partners partners, People people) {
		this.partners = partners;
		this.people = people;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String clientId = jwt.getClaimAsString("client_id");
		Set<String> scopes = Set.copyOf(Optional.ofNullable(jwt.getClaimAsStringList("scope")).orElse(List.of()));
		Actor actor;
		if (clientId != null && clientId.equals(jwt.getSubject())) {
			Partner partner = this.partners.findActive(clientId)
				.orElseThrow(() -> new InvalidBearerTokenException("The partner of this token is not active"));
			actor = Actor.partner(partner.id(), partner.organisation(), scopes);
		}
		else {
			actor = person(jwt.getSubject()).filter(Person::active)
				.orElseThrow(() -> new InvalidBearerTokenException("The person of this token is not active"))
				.toActor(scopes);
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		actor.roles().forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		scopes.forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		return new ActorAuthentication(actor, authorities);
	}

	private Optional<Person> person(String subject) {
		try {
			return this.people.find(UUID.fromString(subject));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
