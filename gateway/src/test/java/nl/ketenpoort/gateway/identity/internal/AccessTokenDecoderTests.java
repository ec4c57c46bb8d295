package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The access token decoder verifies a token once and remembers it until it expires, but
 * checks time and revocation on every request, and never remembers a refusal.
 */
class AccessTokenDecoderTests {

	private static final Duration SKEW = IdentityConfiguration.ACCESS_TOKEN_CLOCK_SKEW;

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final MovableClock clock = new MovableClock(this.start);

	private final JwtTimestampValidator timestamps = timestamps(this.clock);

	private final CountingVerifier verifier = new CountingVerifier(this.timestamps);

	private final FakeAuthorizations authorizations = new FakeAuthorizations();

	private final AccessTokenDecoder decoder = new AccessTokenDecoder(this.verifier, this.timestamps,
			this.authorizations, this.clock, AccessTokenDecoder.DEFAULT_MAX_VERIFIED);

	@Test
	void secondDecodeOfTheSameTokenIsNotVerifiedAgainButIsLookedUpAgain() {
		String token = issue("token-a");

		Jwt first = this.decoder.decode(token);
		Jwt second = this.decoder.decode(token);

		assertThat(first.getSubject()).isEqualTo("tvs");
		assertThat(second.getTokenValue()).isEqualTo(token);
		assertThat(this.verifier.calls).isEqualTo(1);
		assertThat(this.authorizations.lookups).isEqualTo(2);
	}

	@Test
	void differentTokenIsVerified() {
		String a = issue("token-a");
		String b = issue("token-b");

		this.decoder.decode(a);
		Jwt decoded = this.decoder.decode(b);

		assertThat(decoded.getTokenValue()).isEqualTo(b);
		assertThat(this.verifier.calls).isEqualTo(2);
		this.decoder.decode(a);
		this.decoder.decode(b);
		assertThat(this.verifier.calls).isEqualTo(2);
	}

	@Test
	void expiredRememberedTokenIsRefused() {
		String token = issue("token-a");
		this.decoder.decode(token);

		this.clock.set(this.start.plus(LIFETIME).plus(SKEW).plusSeconds(1));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void rememberedOnlyUntilExpThenVerifiedAgainWithinTheSkew() {
		String token = issue("token-a");
		this.decoder.decode(token);

		this.clock.set(this.start.plus(LIFETIME).plusSeconds(1));
		this.decoder.decode(token);
		this.decoder.decode(token);

		assertThat(this.verifier.calls).isEqualTo(3);
	}

	@Test
	void rememberedTokenIsRefusedBeforeItsNotBefore() {
		String token = issue("token-a");
		this.decoder.decode(token);

		this.clock.set(this.start.minus(SKEW).minusSeconds(1));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("not valid at this time");
		assertThat(this.verifier.calls).isEqualTo(1);
	}

	@Test
	void tokenRevokedAfterItWasRememberedIsRefused() {
		String token = issue("token-a");
		this.decoder.decode(token);

		this.authorizations.revoke(token);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("revoked");
		assertThat(this.verifier.calls).isEqualTo(1);
	}

	@Test
	void tokenUnknownToTheStoreIsRefusedEveryTimeAndNotRemembered() {
		String token = issue("token-a");
		this.authorizations.forget(token);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token));
		assertThat(this.verifier.calls).isEqualTo(2);
	}

	@Test
	void tokenTheVerifierRefusesIsRefusedEveryTimeAndNotRemembered() {
		String forged = "forged.token.signature";

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(forged));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(forged));
		assertThat(this.verifier.calls).isEqualTo(2);
		assertThat(this.authorizations.lookups).isZero();
	}

	@Test
	void tokensBeyondTheBoundAreForgotten() {
		AccessTokenDecoder small = new AccessTokenDecoder(this.verifier, this.timestamps, this.authorizations,
				this.clock, 2);
		List<String> tokens = IntStream.range(0, 10).mapToObj((i) -> issue("token-" + i)).toList();

		tokens.forEach(small::decode);
		tokens.forEach(small::decode);

		// At most two of the ten are remembered: the second round verifies eight again or
		// more (which ones the cache keeps is Caffeine's choice, by use and recency).
		assertThat(this.verifier.calls).isBetween(18, 20);
	}

	private String issue(String token) {
		Jwt jwt = Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.header("typ", TokenClaims.ACCESS_TOKEN_TYPE)
			.subject("tvs")
			.claim("client_id", "tvs")
			.issuedAt(this.start)
			.notBefore(this.start)
			.expiresAt(this.start.plus(LIFETIME))
			.build();
		this.verifier.tokens.put(token, jwt);
		this.authorizations.issue(jwt);
		return token;
	}

	private static JwtTimestampValidator timestamps(Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(SKEW);
		timestamps.setClock(clock);
		return timestamps;
	}

	/**
	 * Knows the tokens "signed" by the test and checks their time as the real verifier
	 * does; counts how often it is asked.
	 */
	private static final class CountingVerifier implements JwtDecoder {

		private final Map<String, Jwt> tokens = new HashMap<>();

		private final JwtTimestampValidator timestamps;

		private int calls;

		CountingVerifier(JwtTimestampValidator timestamps) {
			this.timestamps = timestamps;
		}

		@Override
		public Jwt decode(String token) {
			this.calls++;
			Jwt jwt = this.tokens.get(token);
			if (jwt == null) {
				throw new BadJwtException("bad signature");
			}
			OAuth2TokenValidatorResult result = this.timestamps.validate(jwt);
			if (result.hasErrors()) {
				throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
						result.getErrors());
			}
			return jwt;
		}

	}

	/** The authorization store: which access tokens were issued and whether revoked. */
	private static final class FakeAuthorizations implements OAuth2AuthorizationService {

		private static final RegisteredClient TVS = RegisteredClient.withId("tvs")
			.clientId("tvs")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();

		private final Map<String, OAuth2Authorization> byToken = new HashMap<>();

		private int lookups;

		void issue(Jwt jwt) {
			OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
					jwt.getIssuedAt(), jwt.getExpiresAt());
			save(OAuth2Authorization.withRegisteredClient(TVS)
				.id(jwt.getTokenValue())
				.principalName("tvs")
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.token(token)
				.build());
		}

		void revoke(String token) {
			OAuth2Authorization authorization = this.byToken.get(token);
			save(OAuth2Authorization.from(authorization).invalidate(authorization.getAccessToken().getToken()).build());
		}

		void forget(String token) {
			this.byToken.remove(token);
		}

		@Override
		public void save(OAuth2Authorization authorization) {
			this.byToken.put(authorization.getAccessToken().getToken().getTokenValue(), authorization);
		}

		@Override
		public void remove(OAuth2Authorization authorization) {
			this.byToken.remove(authorization.getAccessToken().getToken().getTokenValue());
		}

		@Override
		public @Nullable OAuth2Authorization findById(String id) {
			return this.byToken.get(id);
		}

		@Override
		public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
			this.lookups++;
			return OAuth2TokenType.ACCESS_TOKEN.equals(tokenType) ? this.byToken.get(token) : null;
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
