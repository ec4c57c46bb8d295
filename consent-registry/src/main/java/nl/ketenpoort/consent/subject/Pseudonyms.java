package nl.ketenpoort.consent.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Normalises identifiers and derives their keyed pseudonyms; the only place that sees a
 * V-number or BSN in clear.
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

	String of(IdentifierKind kind, String identifier) {
		String normalised = (kind == IdentifierKind.V_NUMBER) ? normaliseVNumber(identifier) : normaliseBsn(identifier);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			// The kind is part of the input so that equal digit strings of different
			// kinds differ.
			byte[] digest = mac.doFinal((kind.prefix() + ":" + normalised).getBytes(StandardCharsets.US_ASCII));
			return kind.prefix() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	static String normaliseVNumber(String vNumber) {
		String digits = stripSeparators(vNumber);
		if (digits.startsWith("V") || digits.startsWith("v")) {
			digits = digits.substring(1);
		}
		if (!digits.matches("[0-9]{6,10}")) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, "expected up to ten digits");
		}
		return "0".repeat(10 - digits.length()) + digits;
	}

	static String normaliseBsn(String bsn) {
		String digits = stripSeparators(bsn);
		if (!digits.matches("[0-9]{8,9}")) {
			throw new IdentifierInvalid(IdentifierKind.BSN, "expected nine digits");
		}
		digits = (digits.length() == 8) ? "0" + digits : digits;
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		sum -= digits.charAt(8) - '0';
		if (sum % 11 != 0 || digits.equals("000000000")) {
			throw new IdentifierInvalid(IdentifierKind.BSN, "fails the 11-test");
		}
		return digits;
	}

	private static String stripSeparators(String identifier) {
		return identifier.replaceAll("[\\s.\\-]", "");
	}

}
