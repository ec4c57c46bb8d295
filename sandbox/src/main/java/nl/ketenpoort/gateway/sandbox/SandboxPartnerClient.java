package nl.ketenpoort.gateway.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import nl.ketenpoort.client.Answer;
import nl.ketenpoort.client.KetenpoortClient;
import nl.ketenpoort.client.Retry;
import nl.ketenpoort.client.TokenRefused;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sandbox partner's client of the gateway's public API: the published
 * {@code ketenpoort-client}, as a real partner system would use it (a client assertion
 * signed with its own key, {@code private_key_jwt}, for an access token, then
 * {@code POST /api/v1/exchanges} with an {@code Idempotency-Key}). Its private keys are
 * the demo keys in {@code $KETENPOORT_DATA_DIR/keys/partners/<id>.jwk}; no key, no
 * submission.
 */
public class SandboxPartnerClient {

	/**
	 * A page waits for the sandbox partner's answer: retry briefly, not for the client's
	 * default of half a minute.
	 */
	private static final Retry RETRY = new Retry(3, Duration.ofMillis(200), Duration.ofSeconds(1));

	private final Partners partners;

	private final Path keyDirectory;

	private final Supplier<URI> gateway;

	private final JsonMapper json;

	/** One client per partner and gateway address, so that its token is reused. */
	private final Map<String, KetenpoortClient> clients = new ConcurrentHashMap<>();

	SandboxPartnerClient(Partners partners, Path keyDirectory, Supplier<URI> gateway, JsonMapper json) {
		this.partners = partners;
		this.keyDirectory = keyDirectory;
		this.gateway = gateway;
		this.json = json;
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
		Answer answer;
		try {
			answer = client(partnerId).submit(request.toString(), idempotencyKey);
		}
		catch (TokenRefused ex) {
			throw new SandboxPartnerFailed("the token endpoint answered " + ex.status());
		}
		catch (IOException ex) {
			throw new SandboxPartnerFailed("the gateway could not be reached");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SandboxPartnerFailed("interrupted while calling the gateway");
		}
		JsonNode body = answer.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(answer.body());
		return new Submitted(answer.status(), body);
	}

	private KetenpoortClient client(String partnerId) {
		Partner partner = this.partners.findActive(partnerId)
			.orElseThrow(() -> new SandboxPartnerFailed("the partner is not active in the registry"));
		URI gateway = this.gateway.get();
		ECKey key = key(partnerId);
		// Keyed by the key too: a partner whose demo key was replaced starts afresh.
		return this.clients.computeIfAbsent(partnerId + " " + gateway + " " + key.getKeyID(),
				(unused) -> KetenpoortClient.connect(gateway, partnerId, key, partner.scopes(), RETRY));
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

}
