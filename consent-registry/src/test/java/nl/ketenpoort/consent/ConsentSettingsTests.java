package nl.ketenpoort.consent;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsentSettingsTests {

	private static final URI ISSUER = URI.create("urn:test");

	private static final String KEY_32 = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void acceptsUsableSecretsAndNeverPrintsThem() {
		ConsentSettings settings = new ConsentSettings(ISSUER, KEY_32, KEY_32, 10, Duration.ofDays(90));
		assertThat(settings.pseudonymKeyBytes()).hasSize(32);
		assertThat(settings.toString()).doesNotContain(KEY_32);
	}

	@Test
	void failsFastOnAMissingOrShortPseudonymKey() {
		assertThatExceptionOfType(ConsentSettingsInvalid.class)
			.isThrownBy(() -> new ConsentSettings(ISSUER, null, KEY_32, 10, Duration.ofDays(90)))
			.withMessage("ketenpoort.consent.pseudonym-key is missing");
		String short31 = Base64.getEncoder().encodeToString(new byte[31]);
		assertThatExceptionOfType(ConsentSettingsInvalid.class)
			.isThrownBy(() -> new ConsentSettings(ISSUER, short31, KEY_32, 10, Duration.ofDays(90)))
			.withMessageNotContaining(short31);
	}

	@Test
	void failsFastOnAKeyEncryptionKeyThatIsNot256Bits() {
		String key48 = Base64.getEncoder().encodeToString(new byte[48]);
		assertThatExceptionOfType(ConsentSettingsInvalid.class)
			.isThrownBy(() -> new ConsentSettings(ISSUER, KEY_32, key48, 10, Duration.ofDays(90)))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("key-encryption-key"));
		assertThatExceptionOfType(ConsentSettingsInvalid.class)
			.isThrownBy(() -> new ConsentSettings(ISSUER, KEY_32, "not base64!", 10, Duration.ofDays(90)));
	}

}
