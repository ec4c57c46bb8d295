package nl.ketenpoort.consent.statement;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The public keys that verify consent statements, as served at
 * {@code /.well-known/consent-jwks.json}; never contains a private part.
 *
 * @param keys the public keys, newest first
 */
public record ConsentKeySet(List<JWK> keys) {

	public ConsentKeySet {
		keys = keys.stream().map(JWK::toPublicJWK).toList();
	}

	/** The JWKS document (RFC 7517) as a JSON object. */
	public Map<String, Object> toJson() {
		return new JWKSet(this.keys).toJSONObject(true);
	}

	/** The key ids in this set, newest first. */
	public List<String> kids() {
		return this.keys.stream().map(JWK::getKeyID).toList();
	}

}
