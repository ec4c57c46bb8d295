package nl.ketenpoort.gateway.audit.internal;

import java.util.Base64;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import nl.ketenpoort.keys.KeyPurpose;
import nl.ketenpoort.keys.KeyRing;
import nl.ketenpoort.keys.KeyRings;
import nl.ketenpoort.keys.SignedStatement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The key that signs audit checkpoints and pruning statements: the
 * {@link KeyPurpose#AUDIT_CHECKPOINT} keys of the key store (module {@code keys}) under
 * {@code ketenpoort.audit.key-encryption-key}, made once per database so every gateway
 * node signs with it; every key stays published, as kept checkpoints never expire.
 */
@Component
public class AuditSigningKeys {

	private final KeyRing ring;

	public AuditSigningKeys(KeyRings keyRings, AuditSettings settings) {
		byte[] keyEncryptionKey = Base64.getDecoder().decode(settings.keyEncryptionKey());
		if (keyEncryptionKey.length != 32) {
			throw new IllegalStateException("ketenpoort.audit.key-encryption-key must be 32 bytes, base64");
		}
		this.ring = keyRings.ring(KeyPurpose.AUDIT_CHECKPOINT, keyEncryptionKey);
	}

	/** The signing key, created on first use. */
	ECKey signingKey() {
		return this.ring.signingKey();
	}

	/** A signed statement: the compact JWS and the id of the key that signed it. */
	public record Statement(String keyId, String jws) {
	}

	/** Signs checkpoint and pruning statements with the audit key (ES256). */
	public Statement sign(JWTClaimsSet claims) {
		SignedStatement signed = this.ring.sign(claims);
		return new Statement(signed.kid(), signed.jws());
	}

	/**
	 * The claims of a statement that the audit key with this id signed with ES256; empty
	 * when the key is unknown, the algorithm another or the signature wrong.
	 */
	public Optional<JWTClaimsSet> verifiedClaims(String jws, String keyId) {
		return this.ring.verify(jws, keyId);
	}

	/** The public key with this id, to verify a checkpoint. */
	@Nullable ECKey publicKey(String keyId) {
		return this.ring.publicKey(keyId).orElse(null);
	}

	/** All public keys, for outside parties that keep checkpoints. */
	public JWKSet publicKeys() {
		return this.ring.published((key) -> true);
	}

}
