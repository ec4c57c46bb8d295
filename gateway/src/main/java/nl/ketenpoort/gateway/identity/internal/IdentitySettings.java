package nl.ketenpoort.gateway.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server and the API's token rules.
 *
 * @param issuer the issuer URL tokens carry and the API insists on; leave out to derive
 * it from each request (one node, development); set it when several nodes serve one
 * address
 * @param audience the {@code aud} of access tokens, which the API requires
 * @param accessTokenTimeToLive lifetime of access tokens; at most five minutes
 * @param maxAssertionLifetime how far in the future a client assertion may expire; also
 * how long its {@code jti} is remembered
 * @param keyEncryptionKey base64 AES key (32 bytes) that encrypts the token signing key
 * in the database
 * @param webClient the public client people log in with
 * @param login how the login form slows down password guessing
 */
@ConfigurationProperties("ketenpoort.identity")
record IdentitySettings(@Nullable URI issuer, @DefaultValue("ketenpoort-api") String audience,
		@DefaultValue("5m") Duration accessTokenTimeToLive, @DefaultValue("5m") Duration maxAssertionLifetime,
		String keyEncryptionKey, @DefaultValue WebClient webClient, @DefaultValue LoginThrottling login) {

	static final Duration LONGEST_ACCESS_TOKEN = Duration.ofMinutes(5);

	IdentitySettings {
		if (accessTokenTimeToLive.compareTo(LONGEST_ACCESS_TOKEN) > 0 || accessTokenTimeToLive.isNegative()
				|| accessTokenTimeToLive.isZero()) {
			throw new IdentitySettingsInvalid(
					"ketenpoort.identity.access-token-time-to-live must be at most 5 minutes");
		}
		if (maxAssertionLifetime.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.max-assertion-lifetime must be at most 10 minutes");
		}
	}

	/**
	 * The public OpenID Connect client (authorization code with PKCE) of the web
	 * front-ends.
	 *
	 * @param clientId its client id
	 * @param redirectUris where the authorization endpoint may send the code
	 */
	record WebClient(@DefaultValue("ketenpoort-web") String clientId, @DefaultValue( {
			"http://127.0.0.1:8080/login/callback", "http://localhost:8080/login/callback" }) List<URI> redirectUris){

	}

}
