package nl.ketenpoort.consent;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the consent registry ({@code ketenpoort.consent.*}); the two secrets have
 * no default and are checked at start-up.
 *
 * @param issuer the {@code iss} of consent statements
 * @param pseudonymKey base64 HMAC key for subject pseudonyms, at least 32 bytes; changing
 * it orphans every stored subject
 * @param keyEncryptionKey base64 AES-256 key (exactly 32 bytes) that encrypts the private
 * signing keys at rest
 * @param statementCacheSize how many verified statements to keep (0 disables the cache)
 * @param keyRotationInterval a signing key older than this is replaced at the next grant
 */
@ConfigurationProperties("ketenpoort.consent")
public record ConsentSettings(@DefaultValue("urn:ketenpoort:consent-registry") URI issuer,
		@Nullable String pseudonymKey, @Nullable String keyEncryptionKey,
		@DefaultValue("100000") int statementCacheSize, @DefaultValue("90d") Duration keyRotationInterval) {

	public ConsentSettings {
		decode(pseudonymKey, "pseudonym-key", 32, false);
		decode(keyEncryptionKey, "key-encryption-key", 32, true);
		if (statementCacheSize < 0) {
			throw new ConsentSettingsInvalid("statement-cache-size", "must not be negative");
		}
		if (keyRotationInterval.isNegative() || keyRotationInterval.isZero()) {
			throw new ConsentSettingsInvalid("key-rotation-interval", "must be positive");
		}
	}

	/** The decoded pseudonym key. */
	public byte[] pseudonymKeyBytes() {
		return decode(this.pseudonymKey, "pseudonym-key", 32, false);
	}

	/** The decoded key-encryption key. */
	public byte[] keyEncryptionKeyBytes() {
		return decode(this.keyEncryptionKey, "key-encryption-key", 32, true);
	}

	private static byte[] decode(@Nullable String value, String property, int bytes, boolean exact) {
		if (value == null || value.isBlank()) {
			throw new ConsentSettingsInvalid(property, "is missing");
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new ConsentSettingsInvalid(property, "is not base64");
		}
		if (exact ? decoded.length != bytes : decoded.length < bytes) {
			throw new ConsentSettingsInvalid(property,
					"must decode to " + (exact ? "exactly " : "at least ") + bytes + " bytes");
		}
		return decoded;
	}

	/** Never print the secrets. */
	@Override
	public String toString() {
		return "ConsentSettings[issuer=" + this.issuer + ", pseudonymKey=***, keyEncryptionKey=***, statementCacheSize="
				+ this.statementCacheSize + ", keyRotationInterval=" + this.keyRotationInterval + "]";
	}

}
