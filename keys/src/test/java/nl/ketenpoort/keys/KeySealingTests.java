package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeySealingTests {

	private final KeySealing sealing = new KeySealing(new byte[32]);

	@Test
	void roundTripsAndUsesAFreshNonceEachTime() throws Exception {
		byte[] secret = "{\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);
		byte[] first = this.sealing.seal(secret, bytes("kid-1"));
		byte[] second = this.sealing.seal(secret, bytes("kid-1"));
		assertThat(first).isNotEqualTo(second);
		assertThat(this.sealing.open(first, bytes("kid-1"))).isEqualTo(secret);
	}

	@Test
	void refusesOtherAssociatedDataOrAnotherKey() {
		byte[] sealed = this.sealing.seal(new byte[] { 1, 2, 3 }, bytes("consent-statement:kid-1"));
		byte[] otherKey = new byte[32];
		otherKey[31] = 7;
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.sealing.open(sealed, bytes("consent-statement:kid-2")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.sealing.open(sealed, bytes("audit-checkpoint:kid-1")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> new KeySealing(otherKey).open(sealed, bytes("consent-statement:kid-1")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.sealing.open(new byte[] { 1, 2 }, bytes("consent-statement:kid-1")));
	}

	@Test
	void needsA256BitKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeySealing(new byte[16]));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
