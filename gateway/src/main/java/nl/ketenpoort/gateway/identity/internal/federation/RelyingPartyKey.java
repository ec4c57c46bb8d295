package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Ketenpoort's own key as a client of upstream providers: it signs the client assertions
 * of {@code private_key_jwt} (RFC 7523), and its public part is published at
 * {@value ClientJwksController#PATH} for the providers to register. Kept with the
 * gateway's other keys ({@link nl.ketenpoort.gateway.identity.internal.SigningKeys}),
 * encrypted.
 */
class RelyingPartyKey {

	private final JWK key;

	RelyingPartyKey(JWKSet keys) {
		this.key = keys.getKeys().get(0);
	}

	/** The key with its private part, for signing client assertions. */
	JWK signingKey() {
		return this.key;
	}

	/** The public JWK set, as published. */
	Map<String, Object> publicJwks() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

}
