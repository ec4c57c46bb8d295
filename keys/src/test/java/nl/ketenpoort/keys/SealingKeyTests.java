package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SealingKeyTests {

	private static final byte[] HEADER = { 1, 9, 8, 7, 6, 5, 4 };

	private final SealingKey key = SealingKey.of(new byte[32]);

	@Test
	void sealsBehindTheHeaderWithAFreshNonceAndOpensAgain() throws Exception {
		byte[] plaintext = bytes("{\"document\":true}");

		byte[] first = this.key.seal(HEADER, plaintext, bytes("row-1"));
		byte[] second = this.key.seal(HEADER, plaintext, bytes("row-1"));

		assertThat(first).hasSize(HEADER.length + SealingKey.NONCE_BYTES + plaintext.length + SealingKey.TAG_BYTES)
			.startsWith(HEADER)
			.isNotEqualTo(second);
		assertThat(this.key.open(first, HEADER.length, bytes("row-1"))).isEqualTo(plaintext);
		assertThat(this.key.open(second, HEADER.length, bytes("row-1"))).isEqualTo(plaintext);
	}

	@Test
	void theHeaderAndTheAssociatedDataAreAuthenticated() {
		byte[] sealed = this.key.seal(HEADER, bytes("secret"), bytes("row-1"));
		byte[] otherHeader = sealed.clone();
		otherHeader[3] ^= 1;
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;

		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.key.open(sealed, HEADER.length, bytes("row-2")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.key.open(otherHeader, HEADER.length, bytes("row-1")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> SealingKey.of(otherKey).open(sealed, HEADER.length, bytes("row-1")));
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> this.key.open(new byte[HEADER.length + 27], HEADER.length, bytes("row-1")));
	}

	@Test
	void needsA256BitKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> SealingKey.of(new byte[16]));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
