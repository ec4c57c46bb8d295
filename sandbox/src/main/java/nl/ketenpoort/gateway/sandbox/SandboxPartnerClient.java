package nl.ketenpoort.gateway.sandbox;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sandbox partner's client of the gateway's public API, doing exactly what a real
 * partner system does: a client assertion signed with its own key
 * ({@code private_key_jwt}, RFC 7523) for an access token, then
 * {@code POST /api/v1/exchanges} with an {@code Idempotency-Key}. Its private keys are
 * the demo keys in {@code $KETENPOORT_DATA_DIR/keys/partners/<id>.jwk}; no key, no
 * submission.
 */
public class SandboxPartnerClient {

	private final Partners partners;

	private final Path keyDirectory;

	private final Supplier<URI> gateway;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	SandboxPartnerClient(Partners partners, Path keyDirectory, Supplier<URI> gateway, JsonMapper json, Clock clock) {
		this.partners = partners;
		this.keyDirectory = keyDirectory;
		this.gateway = gateway;
		this.json = json;
		this.clock = clock;
	}

	private record Token(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "Token[" + this.expiresAt + "]";
		}

	}

	/**
	 * The gateway's answer to a submission.
	 *
	 * @param status the HTTP status: 202 accepted, 403 refused (no consent), ...
	 * @param body the JSON answer: the exchange, or a problem document
	 */
	public record Submitted(int status, JsonNode body) {

		/** Whether the gateway accepted the exchange. */
		public boolean accepted() {
			return this.status == 202;
		}

		/** The exchange id, when accepted. */
		public String exchangeId() {
			return this.body.path("id").asString("");
		}

		@Override
		public String toString() {
			return "Submitted[" + this.status + "]";
		}

	}

	/** Whether this partner has a private key to sign its client assertions with. */
	public boolean hasKey(String partnerId) {
		return Files.isRegularFile(keyFile(partnerId));
	}

	/**
	 * Submits an exchange as this partner.
	 * @param partnerId the sending partner
	 * @param idempotencyKey the partner's key for this submission
	 * @param request the exchange request (canonical JSON envelope)
	 * @return the gateway's answer
	 * @throws SandboxPartnerFailed when the partner cannot reach the gateway or obtain a
	 * token
	 */
	public Submitted submit(String partnerId, String idempotencyKey, ObjectNode request) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.gateway.get().resolve("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + token(partnerId))
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request.toString())));
		JsonNode body = response.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(response.body());
		return new Submitted(response.statusCode(), body);
	}

	private String token(String partnerId) {
		Token cached = this.tokens.get(partnerId);
		Instant now = this.clock.instant();
		if (cached != null && cached.expiresAt().isAfter(now.plusSeconds(30))) {
			return cached.value();
		}
		Partner partner = this.partners.findActive(partnerId)
			.orElseThrow(() -> new SandboxPartnerFailed("the partner is not active in the registry"));
		URI tokenEndpoint = this.gateway.get().resolve("/oauth2/token");
		Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", partnerId,
				"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion",
				assertion(partnerId, tokenEndpoint, now), "scope", String.join(" ", partner.scopes()));
		HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&")))));
		if (response.statusCode() != 200) {
			throw new SandboxPartnerFailed("the token endpoint answered " + response.statusCode());
		}
		JsonNode answer = this.json.readTree(response.body());
		Token token = new Token(answer.path("access_token").asString(),
				now.plusSeconds(answer.path("expires_in").asLong(60)));
		this.tokens.put(partnerId, token);
		return token.value();
	}

	private String assertion(String partnerId, URI tokenEndpoint, Instant now) {
		ECKey key = key(partnerId);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(partnerId)
			.subject(partnerId)
			.audience(tokenEndpoint.toString())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new SandboxPartnerFailed("the client assertion could not be signed");
		}
	}

	private ECKey key(String partnerId) {
		try {
			if (JWK.parse(Files.readString(keyFile(partnerId), StandardCharsets.UTF_8)) instanceof ECKey key
					&& key.isPrivate()) {
				return key;
			}
			throw new SandboxPartnerFailed("the partner's key is not a private EC key");
		}
		catch (IOException | ParseException ex) {
			throw new SandboxPartnerFailed("the partner has no readable private key");
		}
	}

	private Path keyFile(String partnerId) {
		return this.keyDirectory.resolve(partnerId + ".jwk");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SandboxPartnerFailed("the gateway could not be reached");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SandboxPartnerFailed("interrupted while calling the gateway");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
