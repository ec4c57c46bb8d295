package nl.ketenpoort.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * A partner system's client of the Ketenpoort API, with only the JDK and Nimbus JOSE+JWT:
 * tokens by {@code private_key_jwt} (fetched anew before they expire, and once more when
 * the gateway refuses one), submissions with an {@code Idempotency-Key} retried with
 * backoff, the inbox and its acknowledgements, and verification of a consent statement
 * against the gateway's published key set.
 *
 * <pre>
 * KetenpoortClient tvs = KetenpoortClient.connect(URI.create("http://localhost:8080"), "tvs",
 * 		ECKey.parse(Files.readString(Path.of("data/keys/partners/tvs.jwk"))),
 * 		Set.of("exchange:send:client-profile"));
 * Answer answer = tvs.submit(submissionJson);   // 202, Location of the exchange
 * </pre>
 */
public final class KetenpoortClient {

	private final HttpClient http;

	private final URI gateway;

	private final PartnerTokens tokens;

	private final Retry retry;

	private KetenpoortClient(HttpClient http, URI gateway, PartnerTokens tokens, Retry retry) {
		this.http = http;
		this.gateway = gateway;
		this.tokens = tokens;
		this.retry = retry;
	}

	/**
	 * A client for this gateway ({@code http://localhost:8080}) as this partner, asking
	 * for these scopes, retrying as {@link Retry#DEFAULT} says.
	 */
	public static KetenpoortClient connect(URI gateway, String clientId, JWK key, Set<String> scopes) {
		return connect(gateway, clientId, key, scopes, Retry.DEFAULT);
	}

	/** As {@link #connect(URI, String, JWK, Set)}, with a retry policy of your own. */
	public static KetenpoortClient connect(URI gateway, String clientId, JWK key, Set<String> scopes, Retry retry) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		PartnerTokens tokens = new PartnerTokens(http, gateway.resolve("/oauth2/token"), clientId, key.toECKey(),
				String.join(" ", scopes), Clock.systemUTC());
		return new KetenpoortClient(http, gateway, tokens, retry);
	}

	/** A valid access token, for a tool of your own (or Swagger UI's Authorize). */
	public String accessToken() throws IOException, InterruptedException {
		return this.tokens.current();
	}

	/**
	 * Submits an exchange ({@code POST /api/v1/exchanges}) under a new idempotency key.
	 * @param submission the JSON of the submission: documentType, purpose, recipient,
	 * subject and document
	 */
	public Answer submit(String submission) throws IOException, InterruptedException {
		return submit(submission, UUID.randomUUID().toString());
	}

	/**
	 * Submits an exchange under this idempotency key; a 429, 502, 503 or 504 and a failed
	 * connection are retried with the same key (the gateway answers a repeat with the
	 * first result), up to the retry policy's attempts.
	 */
	public Answer submit(String submission, String idempotencyKey) throws IOException, InterruptedException {
		IOException lastFailure = null;
		Answer last = null;
		for (int attempt = 1; attempt <= this.retry.attempts(); attempt++) {
			try {
				last = call(HttpRequest.newBuilder(this.gateway.resolve("/api/v1/exchanges"))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", idempotencyKey)
					.POST(HttpRequest.BodyPublishers.ofString(submission)));
				if (!retryable(last.status())) {
					return last;
				}
				lastFailure = null;
			}
			catch (IOException ex) {
				lastFailure = ex;
			}
			if (attempt < this.retry.attempts()) {
				Thread.sleep(wait(attempt, last).toMillis());
			}
		}
		if (lastFailure != null) {
			throw lastFailure;
		}
		return last;
	}

	/** The status of an exchange you submitted ({@code GET /api/v1/exchanges/{id}}). */
	public Answer exchange(String id) throws IOException, InterruptedException {
		return call(HttpRequest.newBuilder(this.gateway.resolve("/api/v1/exchanges/" + id)).GET());
	}

	/** The documents waiting for you, a pull partner ({@code GET /api/v1/inbox}). */
	public Answer inbox() throws IOException, InterruptedException {
		return call(HttpRequest.newBuilder(this.gateway.resolve("/api/v1/inbox")).GET());
	}

	/**
	 * Acknowledges a document of your inbox as received ({@code POST
	 * /api/v1/inbox/{id}/ack}).
	 */
	public Answer acknowledge(String id) throws IOException, InterruptedException {
		return call(HttpRequest.newBuilder(this.gateway.resolve("/api/v1/inbox/" + id + "/ack"))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Verifies a consent statement (the {@code Ketenpoort-Consent} header of a delivery,
	 * or {@code statement} of a consent) against the gateway's published key set
	 * ({@code /.well-known/consent-jwks.json}) and answers its claims.
	 */
	public Map<String, Object> verifyStatement(String compactJws)
			throws IOException, InterruptedException, StatementInvalid {
		JWSObject statement;
		try {
			statement = JWSObject.parse(compactJws);
		}
		catch (java.text.ParseException ex) {
			throw new StatementInvalid("Not a compact JWS", ex);
		}
		HttpResponse<String> keys = this.http.send(
				HttpRequest.newBuilder(this.gateway.resolve("/.well-known/consent-jwks.json")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		try {
			JWK key = Optional.ofNullable(JWKSet.parse(keys.body()).getKeyByKeyId(statement.getHeader().getKeyID()))
				.orElseThrow(() -> new StatementInvalid("No published key with the statement's kid"));
			JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(statement.getHeader(),
					key.toECKey().toECPublicKey());
			if (!statement.verify(verifier)) {
				throw new StatementInvalid("The signature does not verify against the published key");
			}
			return statement.getPayload().toJSONObject();
		}
		catch (java.text.ParseException | JOSEException ex) {
			throw new StatementInvalid("The statement or the key set cannot be read", ex);
		}
	}

	/** Sends with the current token, and once more with a new one when it was refused. */
	private Answer call(HttpRequest.Builder request) throws IOException, InterruptedException {
		request.header("Accept", "application/json");
		HttpResponse<String> response = this.http.send(
				request.copy().header("Authorization", "Bearer " + this.tokens.current()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 401) {
			this.tokens.forget();
			response = this.http.send(request.header("Authorization", "Bearer " + this.tokens.current()).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		return new Answer(response.statusCode(), response.headers(), response.body());
	}

	private static boolean retryable(int status) {
		return status == 429 || status == 502 || status == 503 || status == 504;
	}

	private Duration wait(int failedAttempts, Answer last) {
		Duration backoff = this.retry.after(failedAttempts);
		if (last != null) {
			Optional<String> retryAfter = last.headers().firstValue("Retry-After");
			if (retryAfter.isPresent() && retryAfter.get().matches("\\d{1,4}")) {
				Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.get()));
				return asked.compareTo(backoff) > 0 ? asked : backoff;
			}
		}
		return backoff;
	}

}
