package nl.ketenpoort.gateway.identity.internal;

import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import nl.ketenpoort.keys.KeyPurpose;
import nl.ketenpoort.keys.KeyRing;
import nl.ketenpoort.keys.KeyRings;
import nl.ketenpoort.keys.KeyUnavailable;

/**
 * The gateway's ES256 keys, one per {@link Purpose}, from the key store (module
 * {@code keys}) under {@code ketenpoort.identity.key-encryption-key}: made on first
 * start, so that every node signs with the same key.
 */
public class SigningKeys {

	private final Map<Purpose, KeyRing> rings = new EnumMap<>(Purpose.class);

	/** What a key signs; each purpose has a key of its own. */
	public enum Purpose {

		/** The gateway's access and ID tokens, published at {@code /oauth2/jwks}. */
		TOKEN_SIGNING(KeyPurpose.TOKEN_SIGNING),

		/**
		 * The gateway's client assertions ({@code private_key_jwt}) at upstream OpenID
		 * providers, published at {@code /oauth2/client-jwks}.
		 */
		CLIENT_ASSERTION(KeyPurpose.CLIENT_ASSERTION);

		private final KeyPurpose purpose;

		Purpose(KeyPurpose purpose) {
			this.purpose = purpose;
		}

	}

	/**
	 * The keys of both purposes under this key-encryption key.
	 * @param keyRings the key store
	 * @param keyEncryptionKey 32 bytes, base64
	 */
	public SigningKeys(KeyRings keyRings, String keyEncryptionKey) {
		byte[] key = Base64.getDecoder().decode(keyEncryptionKey);
		if (key.length != 32) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.key-encryption-key must be 32 bytes, base64");
		}
		for (Purpose purpose : Purpose.values()) {
			this.rings.put(purpose, keyRings.ring(purpose.purpose, key));
		}
	}

	/**
	 * The active token signing key (with its private part), made now if there is none.
	 */
	JWKSet active() {
		return active(Purpose.TOKEN_SIGNING);
	}

	/**
	 * The active key for this purpose (with its private part), made now if there is none
	 * yet.
	 * @param purpose what the key signs
	 * @return the key, as a set of one
	 */
	public JWKSet active(Purpose purpose) {
		try {
			return new JWKSet(this.rings.get(purpose).signingKey());
		}
		catch (KeyUnavailable ex) {
			throw new IdentitySettingsInvalid("The " + purpose.purpose.code() + " key cannot be read: is this the "
					+ "key-encryption key it was stored with (ketenpoort.identity.key-encryption-key)?", ex);
		}
	}

}
