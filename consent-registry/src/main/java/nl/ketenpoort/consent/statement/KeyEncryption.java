package nl.ketenpoort.consent.statement;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM; the key id is bound as
 * associated data so that a ciphertext cannot be moved to another key row.
 */
final class KeyEncryption {

	static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	KeyEncryption(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("The key-encryption key must have exactly 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	byte[] encrypt(byte[] plaintext, String kid) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	byte[] decrypt(byte[] sealed, String kid) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new SigningKeyUnavailable(kid,
					"its private part cannot be decrypted with the configured" + " key-encryption key", ex);
		}
	}

}
