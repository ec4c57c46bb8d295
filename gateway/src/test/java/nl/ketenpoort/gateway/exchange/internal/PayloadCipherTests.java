package nl.ketenpoort.gateway.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.gateway.exchange.EarlierPayloads;
import nl.ketenpoort.keys.Digests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stored payloads in format 1: binary AES-256-GCM naming the key and bound to their
 * exchange, rotation of the payload key, and the JWE rows of earlier releases.
 */
class PayloadCipherTests {

	private static final String OLD_KEY = key();

	private static final String NEW_KEY = key();

	private static final byte[] DOCUMENT = "{\"klantprofiel\":{\"naam\":\"Amira\",\"taal\":\"ar\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private final UUID exchange = UUID.randomUUID();

	@Test
	void roundTripsWithAFreshNonceEachTime() {
		PayloadCipher cipher = cipher(NEW_KEY);

		byte[] first = cipher.seal(this.exchange, DOCUMENT);
		byte[] second = cipher.seal(this.exchange, DOCUMENT);

		assertThat(first).isNotEqualTo(second);
		assertThat(cipher.open(this.exchange, first)).isEqualTo(DOCUMENT);
		assertThat(cipher.open(this.exchange, second)).isEqualTo(DOCUMENT);
	}

	@Test
	void storedBytesAreFormatOneWithoutBase64() {
		// given
		PayloadCipher cipher = cipher(NEW_KEY);
		byte[] keyDigest = Digests.sha256(Base64.getDecoder().decode(NEW_KEY));

		// when
		byte[] sealed = cipher.seal(this.exchange, DOCUMENT);

		// then: 0x01 | 6 bytes of the key's SHA-256 | 12-byte nonce | ciphertext | tag
		assertThat(sealed).hasSize(1 + 6 + 12 + DOCUMENT.length + 16);
		assertThat(sealed[0]).isEqualTo((byte) 0x01);
		assertThat(HexFormat.of().formatHex(sealed, 1, 7)).isEqualTo(HexFormat.of().formatHex(keyDigest, 0, 6));
		assertThat("pk-" + HexFormat.of().formatHex(sealed, 1, 7)).isEqualTo(cipher.currentKeyId());
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Amira")
			.doesNotContain("klantprofiel")
			.doesNotContain("eyJ");
		assertThat(isBase64(sealed)).as("not a Base64 text").isFalse();
	}

	@Test
	void aPayloadCopiedToAnotherExchangeDoesNotOpen() {
		PayloadCipher cipher = cipher(NEW_KEY);
		byte[] sealed = cipher.seal(this.exchange, DOCUMENT);

		assertThatIllegalStateException().isThrownBy(() -> cipher.open(UUID.randomUUID(), sealed))
			.withMessageContaining("belongs to another exchange");
	}

	@Test
	void anyAlteredByteIsRefused() {
		PayloadCipher cipher = cipher(NEW_KEY, OLD_KEY);
		byte[] sealed = cipher.seal(this.exchange, DOCUMENT);
		for (int i = 0; i < sealed.length; i++) {
			byte[] altered = sealed.clone();
			altered[i] ^= 0x01;
			int position = i;
			assertThatIllegalStateException().as("byte %d altered", position)
				.isThrownBy(() -> cipher.open(this.exchange, altered));
		}
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(this.exchange, new byte[] { 1, 2, 3 }));
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(this.exchange, new byte[0]));
	}

	@Test
	void afterRotationNewPayloadsUseTheNewKeyAndOldOnesStillOpen() {
		// given: a payload sealed before the rotation
		byte[] before = cipher(OLD_KEY).seal(this.exchange, DOCUMENT);

		// when: the new key is current and the old one is a previous key
		PayloadCipher rotated = cipher(NEW_KEY, OLD_KEY);

		// then
		assertThat(rotated.open(this.exchange, before)).isEqualTo(DOCUMENT);
		byte[] after = rotated.seal(this.exchange, DOCUMENT);
		assertThat(HexFormat.of().formatHex(after, 1, 7)).isNotEqualTo(HexFormat.of().formatHex(before, 1, 7));
		assertThat(cipher(NEW_KEY).open(this.exchange, after)).isEqualTo(DOCUMENT);
	}

	@Test
	void aPayloadUnderAnUnknownKeyNamesTheSettingThatIsMissingIt() {
		byte[] sealed = cipher(OLD_KEY).seal(this.exchange, DOCUMENT);
		String oldId = cipher(OLD_KEY).currentKeyId();

		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW_KEY).open(this.exchange, sealed))
			.withMessageContaining("No payload key with id " + oldId)
			.withMessageContaining("ketenpoort.exchange.previous-payload-keys")
			.withMessageNotContaining(OLD_KEY);
	}

	@Test
	void jweOfEarlierReleasesStillDecryptsUnderCurrentAndPreviousKeys() {
		String underOld = EarlierPayloads.encrypt(OLD_KEY, DOCUMENT);
		String underNew = EarlierPayloads.encrypt(NEW_KEY, DOCUMENT);
		PayloadCipher rotated = cipher(NEW_KEY, OLD_KEY);

		assertThat(rotated.decryptJwe(underOld)).isEqualTo(DOCUMENT);
		assertThat(rotated.decryptJwe(underNew)).isEqualTo(DOCUMENT);
		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW_KEY).decryptJwe(underOld))
			.withMessageContaining("ketenpoort.exchange.previous-payload-keys");
	}

	@Test
	void keysMustBe256Bits() {
		String short128 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> cipher(short128)).withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW_KEY, short128)).withMessageContaining("32 bytes");
	}

	private static PayloadCipher cipher(String current, String... previous) {
		return new PayloadCipher(
				new ExchangeSettings(current, List.of(previous), Duration.ofHours(24), Duration.ofMinutes(1)));
	}

	private static boolean isBase64(byte[] bytes) {
		try {
			Base64.getDecoder().decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
