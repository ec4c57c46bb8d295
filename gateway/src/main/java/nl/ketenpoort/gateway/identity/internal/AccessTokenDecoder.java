package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Instant;

import nl.ketenpoort.keys.Digests;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Verifies an access token (signature, type, audience, time) and then asks the
 * authorization store whether it is still active, so that a revoked token stops working
 * at once on every node (RFC 7009), not only when it expires.
 * <p>
 * Partners present one token for many requests, so the outcome of a successful
 * verification is remembered per token (keyed by the SHA-256 of the token, in a bounded
 * Caffeine cache: lock-free reads, the least useful entries evicted first) until the
 * token's {@code exp}. A remembered token is still checked for time
 * ({@code exp}/{@code nbf}, with the verifier's own timestamp validator and clock) and is
 * still looked up in the authorization store on every request, and a certificate-bound
 * token ({@link CertificateBinding}) is checked against the request's client certificate
 * every time. Refusals are never remembered.
 */
class AccessTokenDecoder implements JwtDecoder {

	/** How many verified tokens are remembered at most. */
	static final int DEFAULT_MAX_VERIFIED = 10_000;

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> timestamps;

	private final OAuth2AuthorizationService authorizations;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	/**
	 * @param verifier checks signature and claims; its outcome is remembered
	 * @param timestamps the {@code exp}/{@code nbf} validator the verifier uses (same
	 * clock, same skew), applied again to remembered tokens
	 * @param authorizations the store that says whether a token is still active
	 * @param clock the clock of {@code timestamps}
	 * @param maxVerified how many verified tokens to remember at most
	 */
	AccessTokenDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> timestamps,
			OAuth2AuthorizationService authorizations, Clock clock, int maxVerified) {
		this.verifier = verifier;
		this.timestamps = timestamps;
		this.authorizations = authorizations;
		this.clock = clock;
		// Evicts on the calling thread: the bound holds as soon as a token is remembered.
		this.verified = Caffeine.newBuilder().maximumSize(maxVerified).executor(Runnable::run).build();
	}

	@Override
	public Jwt decode(String token) {
		String key = sha256(token);
		Jwt jwt = remembered(key);
		if (jwt != null) {
			OAuth2TokenValidatorResult time = this.timestamps.validate(jwt);
			if (time.hasErrors()) {
				forget(key);
				throw new JwtValidationException("The access token is not valid at this time", time.getErrors());
			}
		}
		else {
			jwt = this.verifier.decode(token);
		}
		// On every request, remembered or not: the binding is to this connection's
		// certificate.
		CertificateBinding.check(jwt);
		OAuth2Authorization authorization = this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		if (authorization == null || authorization.getAccessToken() == null
				|| !authorization.getAccessToken().isActive()) {
			forget(key);
			throw new BadJwtException("The access token was revoked or is unknown");
		}
		remember(key, jwt);
		return jwt;
	}

	/** A verified token under this key whose {@code exp} has not passed, or null. */
	private @Nullable Jwt remembered(String key) {
		Jwt jwt = this.verified.getIfPresent(key);
		if (jwt != null && !before(jwt.getExpiresAt())) {
			this.verified.invalidate(key);
			return null;
		}
		return jwt;
	}

	private void remember(String key, Jwt jwt) {
		if (before(jwt.getExpiresAt())) {
			this.verified.asMap().putIfAbsent(key, jwt);
		}
	}

	private void forget(String key) {
		this.verified.invalidate(key);
	}

	private boolean before(@Nullable Instant expiresAt) {
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	private static String sha256(String token) {
		return Digests.sha256Hex(token);
	}

}
