package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys (RFC 8032) between the JDK's key objects and the 32-byte raw form that
 * signed notes, verifier keys and JWKs ({@code OKP}, RFC 8037) carry.
 */
public final class Ed25519Keys {

	/**
	 * The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 bytes.
	 */
	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final int KEY_BYTES = 32;

	private Ed25519Keys() {
	}

	/** A new key pair from the JDK's provider. */
	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new NotEd25519("Ed25519 is part of every Java runtime since 15", ex);
		}
	}

	/** The 32 bytes of a public key. */
	public static byte[] raw(PublicKey key) {
		byte[] spki = key.getEncoded();
		if (spki == null || spki.length != SPKI_PREFIX.length + KEY_BYTES
				|| !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
			throw new NotEd25519("not an Ed25519 public key", null);
		}
		return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
	}

	/** The 32-byte seed of a private key. */
	public static byte[] raw(PrivateKey key) {
		if (!(key instanceof EdECPrivateKey edec)) {
			throw new NotEd25519("not an Ed25519 private key", null);
		}
		return edec.getBytes().orElseThrow(() -> new NotEd25519("the private key does not reveal its bytes", null));
	}

	/** The JDK's public key of these 32 bytes. */
	public static PublicKey publicKey(byte[] raw) {
		if (raw.length != KEY_BYTES) {
			throw new NotEd25519("an Ed25519 public key has 32 bytes", null);
		}
		byte[] spki = new byte[SPKI_PREFIX.length + KEY_BYTES];
		System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
		System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_BYTES);
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
		}
		catch (GeneralSecurityException ex) {
			throw new NotEd25519("not an Ed25519 public key", ex);
		}
	}

	/** The JDK's private key of this 32-byte seed. */
	public static PrivateKey privateKey(byte[] raw) {
		if (raw.length != KEY_BYTES) {
			throw new NotEd25519("an Ed25519 private key has 32 bytes", null);
		}
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, raw));
		}
		catch (GeneralSecurityException ex) {
			throw new NotEd25519("not an Ed25519 private key", ex);
		}
	}

	/**
	 * The key pair of a private key. The JDK derives an Ed25519 public key only while
	 * generating, so the generator is handed the key's seed as its randomness; the pair
	 * is checked by a signature before it is returned.
	 */
	public static KeyPair pairOf(PrivateKey privateKey) {
		byte[] seed = raw(privateKey);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
			KeyPair derived = generator.generateKeyPair();
			byte[] probe = "Ketenpoort Ed25519 key check".getBytes(StandardCharsets.UTF_8);
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(derived.getPublic());
			verifier.update(probe);
			if (!verifier.verify(signature)) {
				throw new NotEd25519("the public key of this private key cannot be derived", null);
			}
			return new KeyPair(derived.getPublic(), privateKey);
		}
		catch (GeneralSecurityException ex) {
			throw new NotEd25519("the public key of this private key cannot be derived", ex);
		}
	}

	/** Randomness that is one given seed: for deriving a key pair from it. */
	private static final class SeedRandom extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] seed;

		SeedRandom(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (bytes.length != this.seed.length) {
				throw new NotEd25519("the JDK asked for a seed of another length", null);
			}
			System.arraycopy(this.seed, 0, bytes, 0, bytes.length);
		}

	}

	/** Bytes or a key object that are not an Ed25519 key. */
	public static final class NotEd25519 extends RuntimeException {

		NotEd25519(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
