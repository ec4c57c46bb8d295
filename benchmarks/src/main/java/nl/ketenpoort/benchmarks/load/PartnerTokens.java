package nl.ketenpoort.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's access token from the gateway (client credentials with
 * {@code private_key_jwt}, as docs/partner-onboarding.md shows), renewed a minute before
 * it expires.
 */
final class PartnerTokens {

	private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

	private final HttpClient http;

	private final URI tokenEndpoint;

	private final String clientId;

	private final String scope;

	private final ECKey key;

	private @Nullable String token;

	private Instant expires = Instant.EPOCH;

	PartnerTokens(HttpClient http, URI base, String clientId, String scope, Path keyFile)
			throws IOException, ParseException {
		this.http = http;
		this.tokenEndpoint = base.resolve("/oauth2/token");
		this.clientId = clientId;
		this.scope = scope;
		this.key = ECKey.parse(Files.readString(keyFile));
	}

	/** A token valid for at least another minute. */
	synchronized String current() throws IOException, InterruptedException {
		if (this.token == null || Instant.now().isAfter(this.expires.minus(RENEW_BEFORE))) {
			renew();
		}
		return this.token;
	}

	private void renew() throws IOException, InterruptedException {
		String form = "grant_type=client_credentials&client_id=" + encode(this.clientId) + "&client_assertion_type="
				+ encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion="
				+ encode(assertion()) + "&scope=" + encode(this.scope);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.tokenEndpoint)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"No token for " + this.clientId + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		this.token = body.get("access_token").asString();
		this.expires = Instant.now().plusSeconds(body.path("expires_in").asLong(300));
	}

	private String assertion() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.clientId)
			.subject(this.clientId)
			.audience(this.tokenEndpoint.toString())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 60_000))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the client assertion with " + this.key.getKeyID(), ex);
		}
		return jwt.serialize();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
