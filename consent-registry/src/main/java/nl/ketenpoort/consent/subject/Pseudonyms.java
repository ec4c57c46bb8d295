package nl.ketenpoort.consent.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * Derives the keyed pseudonyms of identifiers; with {@link VNumber} and {@link Bsn} the
 * only place that sees a V-number or BSN in clear.
 */
final class Pseudonyms {

	static final int MINIMUM_KEY_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	Pseudonyms(byte[] key) {
		if (key.length < MINIMUM_KEY_BYTES) {
			throw new IllegalArgumentException("The pseudonym key must have at least 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), ALGORITHM);
	}

	String of(SubjectIdentifier identifier) {
		String prefix = prefix(identifier.kind());
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			// The kind is part of the input so that equal digit strings of different
			// kinds differ.
			byte[] digest = mac.doFinal((prefix + ":" + identifier.normalised()).getBytes(StandardCharsets.US_ASCII));
			return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	/** The pseudonym prefix of a kind; part of every stored pseudonym, never changed. */
	static String prefix(IdentifierKind kind) {
		return switch (kind) {
			case V_NUMBER -> "vnr";
			case BSN -> "bsn";
		};
	}

}
