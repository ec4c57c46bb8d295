package nl.ketenpoort.consent.subject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PseudonymsTests {

	private final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);

	@Test
	void normalisesBeforeHashing() {
		assertThat(this.pseudonyms.of(IdentifierKind.V_NUMBER, "V 012-345.6789"))
			.isEqualTo(this.pseudonyms.of(IdentifierKind.V_NUMBER, "123456789"));
		assertThat(this.pseudonyms.of(IdentifierKind.BSN, "11122 2333"))
			.isEqualTo(this.pseudonyms.of(IdentifierKind.BSN, "111222333"));
	}

	@Test
	void kindsAndKeysGiveDifferentPseudonyms() {
		String asVNumber = this.pseudonyms.of(IdentifierKind.V_NUMBER, "0111222333");
		String asBsn = this.pseudonyms.of(IdentifierKind.BSN, "111222333");
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThat(asVNumber).startsWith("vnr_").hasSize(47);
		assertThat(asBsn).startsWith("bsn_").isNotEqualTo("bsn_" + asVNumber.substring(4));
		assertThat(new Pseudonyms(otherKey).of(IdentifierKind.BSN, "111222333")).isNotEqualTo(asBsn);
		assertThat(new SubjectRef(asVNumber).pseudonym()).isEqualTo(asVNumber);
	}

	@Test
	void rejectsMalformedIdentifiersWithoutRepeatingThem() {
		assertThatExceptionOfType(IdentifierInvalid.class)
			.isThrownBy(() -> this.pseudonyms.of(IdentifierKind.BSN, "111222334"))
			.withMessageNotContaining("111222334");
		assertThatExceptionOfType(IdentifierInvalid.class)
			.isThrownBy(() -> this.pseudonyms.of(IdentifierKind.BSN, "000000000"));
		assertThatExceptionOfType(IdentifierInvalid.class)
			.isThrownBy(() -> this.pseudonyms.of(IdentifierKind.V_NUMBER, "12345678901"));
		assertThatExceptionOfType(IdentifierInvalid.class)
			.isThrownBy(() -> this.pseudonyms.of(IdentifierKind.V_NUMBER, "abc"));
	}

	@Test
	void refusesAShortKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonyms(new byte[31]));
	}

}
