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
 * The gateway's ES256 token signing key: made on first start, kept in the database with
 * its private part encrypted (AES-256-GCM under the key-encryption key), so that every
 * node signs with the same key.
 */
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final int IV_BYTES = 12;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final SecretKeySpec keyEncryptionKey;

	private final SecureRandom random = new SecureRandom();

	SigningKeys(JdbcClient jdbc, TransactionOperations transactions, String keyEncryptionKey) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		byte[] key = Base64.getDecoder().decode(keyEncryptionKey);
		if (key.length != 32) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.key-encryption-key must be 32 bytes, base64");
		}
		this.keyEncryptionKey = new SecretKeySpec(key, "AES");
	}

	/** The active signing key (with its private part), made now if there is none yet. */
	JWKSet active() {
		JWKSet keys = this.transactions.execute((status) -> {
			// Nodes starting together must agree on one key, not each make their own.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity_signing_key'))").query().listOfRows();
			List<JWK> active = this.jdbc.sql(
					"SELECT kid, encrypted_jwk FROM identity_signing_key WHERE retired_at IS NULL ORDER BY created_at DESC")
				.query((rs, row) -> decrypt(rs.getString("kid"), rs.getBytes("encrypted_jwk")))
				.list();
			if (!active.isEmpty()) {
				return new JWKSet(active.get(0));
			}
			ECKey key = generate();
			this.jdbc.sql("INSERT INTO identity_signing_key (kid, encrypted_jwk) VALUES (:kid, :jwk)")
				.param("kid", key.getKeyID())
				.param("jwk", encrypt(key.getKeyID(), key.toJSONString()))
				.update();
			log.info("Generated the gateway's token signing key");
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
			throw new IdentitySettingsInvalid("The token signing key could not be generated", ex);
		}
	}

	private byte[] encrypt(String kid, String json) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keyEncryptionKey, new GCMParameterSpec(128, iv));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IdentitySettingsInvalid("The token signing key could not be encrypted", ex);
		}
	}

	private JWK decrypt(String kid, byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.keyEncryptionKey, new GCMParameterSpec(128, stored, 0, IV_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] json = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
			return JWK.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | ParseException ex) {
			throw new IdentitySettingsInvalid("The token signing key cannot be read: is this the key-encryption key it "
					+ "was stored with (ketenpoort.identity.key-encryption-key)?", ex);
		}
	}

}
