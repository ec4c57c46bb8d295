package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import nl.ketenpoort.gateway.partner.PartnerKeys;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies partner client assertions ({@code private_key_jwt}, RFC 7523) against the
 * partner's public keys in the database: signature (ES256, RS256 or PS256; never
 * {@code none} or a MAC), {@code iss} = {@code sub} = client id, {@code aud} = this
 * server, not expired, a bounded lifetime, and a {@code jti} never seen before.
 */
class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	private static final String RFC7523 = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";

	private final PartnerKeys keys;

	private final SeenAssertions seen;

	private final Duration maxLifetime;

	private final Clock clock;

	ClientAssertionDecoders(PartnerKeys keys, SeenAssertions seen, Duration maxLifetime, Clock clock) {
		this.keys = keys;
		this.seen = seen;
		this.maxLifetime = maxLifetime;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		// Built per request and not cached: a key registered or retired a moment ago
		// counts at once, on every node.
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(this.keys.activeKeys(client.getClientId())))
			.jwsAlgorithms((algorithms) -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
				algorithms.add(SignatureAlgorithm.PS256);
			})
			.build();
		OAuth2TokenValidator<Jwt> standard = JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY
			.apply(client);
		decoder.setJwtValidator((jwt) -> {
			// In order: the replay record is written only for assertions that are
			// otherwise valid, so nobody can burn another client's ids.
			OAuth2TokenValidatorResult result = standard.validate(jwt);
			if (result.hasErrors()) {
				return result;
			}
			result = lifetime(jwt);
			if (result.hasErrors()) {
				return result;
			}
			return firstUse(client.getClientId(), jwt);
		});
		return decoder;
	}

	private OAuth2TokenValidatorResult lifetime(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null || expiresAt.isAfter(this.clock.instant().plus(this.maxLifetime))) {
			return failure("The client assertion must expire within " + this.maxLifetime.toMinutes() + " minutes");
		}
		if (jwt.getId() == null || jwt.getId().isBlank()) {
			return failure("The client assertion has no jti");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private OAuth2TokenValidatorResult firstUse(String clientId, Jwt jwt) {
		if (!this.seen.firstUse(clientId, jwt.getId(), jwt.getExpiresAt())) {
			return failure("The client assertion was used before (jti replay)");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult
			.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, RFC7523));
	}

}
