package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256, the one digest Ketenpoort uses, for every module: whole values at once, or a
 * fresh {@link MessageDigest} for input that arrives in parts.
 */
public final class Digests {

	private static final String SHA_256 = "SHA-256";

	private Digests() {
	}

	/** A new SHA-256 digest, for input fed in parts; not thread-safe, as any digest. */
	public static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance(SHA_256);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** SHA-256 of these bytes. */
	public static byte[] sha256(byte[] bytes) {
		return newSha256().digest(bytes);
	}

	/** SHA-256 of the UTF-8 bytes of this text. */
	public static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/** SHA-256 of these bytes, lower-case hex (64 characters). */
	public static String sha256Hex(byte[] bytes) {
		return HexFormat.of().formatHex(sha256(bytes));
	}

	/** SHA-256 of the UTF-8 bytes of this text, lower-case hex (64 characters). */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** SHA-256 of these bytes, base64url without padding (43 characters). */
	public static String sha256Base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes));
	}

}
