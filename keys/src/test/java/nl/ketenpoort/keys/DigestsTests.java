package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestsTests {

	// FIPS 180-2, appendix B.1: SHA-256("abc").
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void hashesTheKnownVectorInEveryForm() {
		assertThat(Digests.sha256Hex("abc")).isEqualTo(ABC);
		assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
		assertThat(Digests.sha256("abc")).hasSize(32).isEqualTo(Digests.sha256("abc".getBytes(StandardCharsets.UTF_8)));
		assertThat(Digests.sha256Base64Url("abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Digests.sha256Hex("é")).isEqualTo(Digests.sha256Hex(new byte[] { (byte) 0xc3, (byte) 0xa9 }));
	}

	@Test
	void aDigestFedInPartsEqualsTheWholeAndEachIsFresh() {
		MessageDigest first = Digests.newSha256();
		first.update("a".getBytes(StandardCharsets.US_ASCII));
		first.update("bc".getBytes(StandardCharsets.US_ASCII));
		MessageDigest second = Digests.newSha256();
		assertThat(first).isNotSameAs(second);
		assertThat(first.digest()).isEqualTo(Digests.sha256("abc"));
	}

}
