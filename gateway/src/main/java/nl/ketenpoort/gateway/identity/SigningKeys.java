package nl.ketenpoort.gateway.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The gateway's ES256 keys, one per {@link Purpose}: made on first start, kept in the
 * database with their private part encrypted (AES-256-GCM under the key-encryption key),
 * so that every node signs with the same key.
 */
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final int IV_BYTES = 12;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final SecretKeySpec keyEncryptionKey;

	private final SecureRandom random = new SecureRandom();

	/** What a key signs; each purpose has a key of its own. */
	public enum Purpose {

		/** The gateway's access and ID tokens, published at {@code /oauth2/jwks}. */
		TOKEN_SIGNING("token-signing"),

		/**
		 * The gateway's client assertions ({@code private_key_jwt}) at upstream OpenID
		 * providers, published at {@code /oauth2/client-jwks}.
		 */
		CLIENT_ASSERTION("client-assertion");

		private final String code;

		Purpose(String code) {
			this.code = code;
		}

		/**
		 * What the encryption of a key is bound to besides its kid, so that a key cannot
		 * be moved to another purpose in the database. The token signing key keeps its
		 * kid alone, as it was stored before there were purposes.
		 */
		String associatedData(String kid) {
			return (this == TOKEN_SIGNING) ? kid : this.code + ":" + kid;
		}

	}

	SigningKeys(JdbcClient jdbc, TransactionOperations transactions, String keyEncryptionKey) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		byte[] key = Base64.getDecoder().decode(keyEncryptionKey);
		if (key.length != 32) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.key-encryption-key must be 32 bytes, base64");
		}
		this.keyEncryptionKey = new SecretKeySpec(key, "AES");
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
		JWKSet keys = this.transactions.execute((status) -> {
			// Nodes starting together must agree on one key, not each make their own.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:lock))")
				.param("lock", "identity_signing_key:" + purpose.code)
				.query()
				.listOfRows();
			List<JWK> active = this.jdbc.sql("""
					SELECT kid, encrypted_jwk FROM identity_signing_key
					WHERE retired_at IS NULL AND purpose = :purpose ORDER BY created_at DESC""")
				.param("purpose", purpose.code)
				.query((rs, row) -> decrypt(purpose, rs.getString("kid"), rs.getBytes("encrypted_jwk")))
				.list();
			if (!active.isEmpty()) {
				return new JWKSet(active.get(0));
			}
			ECKey key = generate();
			this.jdbc
				.sql("INSERT INTO identity_signing_key (kid, encrypted_jwk, purpose) VALUES (:kid, :jwk, :purpose)")
				.param("kid", key.getKeyID())
				.param("jwk", encrypt(purpose.associatedData(key.getKeyID()), key.toJSONString()))
				.param("purpose", purpose.code)
				.update();
			log.info("Generated the gateway's {} key", purpose.code);
			return new JWKSet(key);
		});
		return keys;
	}

	private ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IdentitySettingsInvalid("The signing key could not be generated", ex);
		}
	}

	private byte[] encrypt(String associatedData, String json) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keyEncryptionKey, new GCMParameterSpec(128, iv));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IdentitySettingsInvalid("The signing key could not be encrypted", ex);
		}
	}

	private JWK decrypt(Purpose purpose, String kid, byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.keyEncryptionKey, new GCMParameterSpec(128, stored, 0, IV_BYTES));
			cipher.updateAAD(purpose.associatedData(kid).getBytes(StandardCharsets.UTF_8));
			byte[] json = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
			return JWK.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | ParseException ex) {
			throw new IdentitySettingsInvalid("The " + purpose.code + " key cannot be read: is this the key-encryption "
					+ "key it was stored with (ketenpoort.identity.key-encryption-key)?", ex);
		}
	}

}
