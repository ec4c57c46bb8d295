package nl.ketenpoort.keys;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys at rest with AES-256-GCM under a key-encryption key, through the
 * JDK: a fresh 12-byte nonce per sealing, stored as {@code nonce || ciphertext || tag},
 * with associated data that binds the ciphertext to its row.
 */
final class KeySealing {

	static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	KeySealing(byte[] keyEncryptionKey) {
		if (keyEncryptionKey.length != KEY_BYTES) {
			throw new IllegalArgumentException("A key-encryption key must have exactly 32 bytes (AES-256)");
		}
		this.key = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
	}

	byte[] seal(byte[] plaintext, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/**
	 * The plaintext, or {@link AEADBadTagException} when the key-encryption key or the
	 * associated data is not the one it was sealed with.
	 */
	byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
		if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new AEADBadTagException("too short to be a sealed key");
		}
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
		cipher.updateAAD(associatedData);
		return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
	}

}
