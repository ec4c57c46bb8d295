package nl.ketenpoort.consent.statement;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyEncryptionTests {

	private final KeyEncryption encryption = new KeyEncryption(new byte[32]);

	@Test
	void roundTripsAndUsesAFreshNonceEachTime() {
		byte[] secret = "{\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);
		byte[] first = this.encryption.encrypt(secret, "kid-1");
		byte[] second = this.encryption.encrypt(secret, "kid-1");
		assertThat(first).isNotEqualTo(second);
		assertThat(this.encryption.decrypt(first, "kid-1")).isEqualTo(secret);
	}

	@Test
	void refusesAnotherKeyIdOrAnotherKey() {
		byte[] sealed = this.encryption.encrypt(new byte[] { 1, 2, 3 }, "kid-1");
		byte[] otherKey = new byte[32];
		otherKey[31] = 7;
		assertThatExceptionOfType(SigningKeyUnavailable.class)
			.isThrownBy(() -> this.encryption.decrypt(sealed, "kid-2"));
		assertThatExceptionOfType(SigningKeyUnavailable.class)
			.isThrownBy(() -> new KeyEncryption(otherKey).decrypt(sealed, "kid-1"));
	}

	@Test
	void needsA256BitKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyEncryption(new byte[16]));
	}

}
