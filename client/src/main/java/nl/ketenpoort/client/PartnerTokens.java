package nl.ketenpoort.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens by OAuth2 client credentials with {@code private_key_jwt} (RFC 7523): a
 * new single-use ES256 assertion for every token request, the token kept until shortly
 * before it expires and then fetched anew.
 */
final class PartnerTokens {

	/** A token this close to its expiry is not used any more. */
	private static final Duration MARGIN = Duration.ofSeconds(30);

	private final HttpClient http;

	private final URI tokenEndpoint;

	private final String clientId;

	private final ECKey key;

	private final String scope;

	private final Clock clock;

	private String token;

	private Instant expires = Instant.MIN;

	PartnerTokens(HttpClient http, URI tokenEndpoint, String clientId, ECKey key, String scope, Clock clock) {
		this.http = http;
		this.tokenEndpoint = tokenEndpoint;
		this.clientId = clientId;
		this.key = key;
		this.scope = scope;
		this.clock = clock;
	}

	/** A token that is valid for at least the margin, fetched when needed. */
	synchronized String current() throws IOException, InterruptedException {
		if (this.token == null || this.clock.instant().isAfter(this.expires.minus(MARGIN))) {
			fetch();
		}
		return this.token;
	}

	/** Forgets the token, after the gateway refused it. */
	synchronized void forget() {
		this.token = null;
	}

	private void fetch() throws IOException, InterruptedException {
		String form = "grant_type=client_credentials&client_id=" + encode(this.clientId) + "&client_assertion_type="
				+ encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion="
				+ encode(assertion()) + "&scope=" + encode(this.scope);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.tokenEndpoint)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new TokenRefused(response.statusCode(), response.body());
		}
		try {
			Map<String, Object> answer = JSONObjectUtils.parse(response.body());
			this.token = JSONObjectUtils.getString(answer, "access_token");
			long lifetime = JSONObjectUtils.getLong(answer, "expires_in");
			this.expires = this.clock.instant().plusSeconds(lifetime);
		}
		catch (java.text.ParseException ex) {
			throw new IOException("The token endpoint's answer is no token response", ex);
		}
	}

	private String assertion() {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.clientId)
			.subject(this.clientId)
			.audience(this.tokenEndpoint.toString())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the client assertion with this key", ex);
		}
		return jwt.serialize();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
