package nl.ketenpoort.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key that seals byte strings with AES-GCM through the JDK cipher, for data at
 * rest outside this module (stored exchange payloads): a fresh random 12-byte nonce per
 * sealing, and a caller's header that is stored in the clear but authenticated with the
 * associated data, so neither can be changed without the tag failing.
 * <p>
 * Sealed form: {@code header || nonce (12) || ciphertext || tag (16)}. The additional
 * authenticated data is {@code header || associatedData}.
 */
public final class SealingKey {

	/** Bytes of an AES-256 key. */
	public static final int KEY_BYTES = 32;

	/** Bytes of the random nonce after the header. */
	public static final int NONCE_BYTES = 12;

	/** Bytes of the authentication tag at the end. */
	public static final int TAG_BYTES = 16;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	// One generator, shared by threads (SecureRandom is thread-safe). Random 96-bit
	// nonces keep the chance of a repeat under 2^-32 up to 2^32 sealings under one key
	// (NIST SP 800-38D, 8.3): rotate the key well before that.
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private SealingKey(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A sealing key must have exactly 32 bytes (AES-256)");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** The key with these 32 bytes. */
	public static SealingKey of(byte[] key) {
		return new SealingKey(key);
	}

	/**
	 * {@code header || nonce || ciphertext || tag}, with the header and the associated
	 * data authenticated.
	 */
	public byte[] seal(byte[] header, byte[] plaintext, byte[] associatedData) {
		byte[] sealed = new byte[header.length + NONCE_BYTES + plaintext.length + TAG_BYTES];
		System.arraycopy(header, 0, sealed, 0, header.length);
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		System.arraycopy(nonce, 0, sealed, header.length, NONCE_BYTES);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
			cipher.updateAAD(header);
			cipher.updateAAD(associatedData);
			cipher.doFinal(plaintext, 0, plaintext.length, sealed, header.length + NONCE_BYTES);
			return sealed;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/**
	 * The plaintext of what {@link #seal} made with a header of this length, or
	 * {@link AEADBadTagException} when the key, the header, the associated data or any
	 * other byte is not what it was sealed with.
	 */
	public byte[] open(byte[] sealed, int headerLength, byte[] associatedData) throws AEADBadTagException {
		int body = headerLength + NONCE_BYTES;
		if (headerLength < 0 || sealed.length < body + TAG_BYTES) {
			throw new AEADBadTagException("too short to be sealed with a header of " + headerLength + " bytes");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(TAG_BYTES * 8, sealed, headerLength, NONCE_BYTES));
			cipher.updateAAD(sealed, 0, headerLength);
			cipher.updateAAD(associatedData);
			return cipher.doFinal(sealed, body, sealed.length - body);
		}
		catch (AEADBadTagException ex) {
			throw ex;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

}
