package nl.ketenpoort.consent.subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PseudonymsTests {

	private final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);

	@Test
	void normalisesBeforeHashing() {
		assertThat(this.pseudonyms.of(VNumber.parse("V 012-345.6789")))
			.isEqualTo(this.pseudonyms.of(VNumber.parse("123456789")));
		assertThat(this.pseudonyms.of(Bsn.parse("11122 2333"))).isEqualTo(this.pseudonyms.of(Bsn.parse("111222333")));
		assertThat(this.pseudonyms.of(Bsn.parse("12345611"))).isEqualTo(this.pseudonyms.of(Bsn.parse("012345611")));
	}

	@Test
	void thePseudonymsStoredSinceTheFirstReleaseStayTheSame() {
		// HMAC-SHA256 under 32 zero bytes of "vnr:0123456789" and "bsn:111222333",
		// computed outside Ketenpoort: a change of normalisation would orphan every
		// stored subject
		assertThat(this.pseudonyms.of(VNumber.parse("V 012 345 6789")))
			.isEqualTo("vnr_YQt_atbppALPdZh-zi3Eo_OsATUtRwOYN9TcR0wxRDE");
		assertThat(this.pseudonyms.of(Bsn.parse("111.222.333")))
			.isEqualTo("bsn_hkCG3phFabvUt-6FCty5EPXhi9X_9xO0za5tkHTh1uk");
	}

	@Test
	void kindsAndKeysGiveDifferentPseudonyms() {
		String asVNumber = this.pseudonyms.of(VNumber.parse("0111222333"));
		String asBsn = this.pseudonyms.of(Bsn.parse("111222333"));
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThat(asVNumber).startsWith("vnr_").hasSize(47);
		assertThat(asBsn).startsWith("bsn_").isNotEqualTo("bsn_" + asVNumber.substring(4));
		assertThat(new Pseudonyms(otherKey).of(Bsn.parse("111222333"))).isNotEqualTo(asBsn);
		assertThat(new SubjectRef(asVNumber).pseudonym()).isEqualTo(asVNumber);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "12", "12345", "12345678901", "abc", "1234567890123456789012345678901234567890",
			"V", "12345６7890" })
	void malformedVNumbersAreRefusedWithABoundedCodeAndWithoutTheirValue(String value) {
		assertThatExceptionOfType(IdentifierInvalid.class).isThrownBy(() -> VNumber.parse(value)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo("V_NUMBER_MALFORMED");
			if (!value.isBlank()) {
				assertThat(ex.getMessage()).doesNotContain(value);
			}
		});
	}

	@Test
	void malformedBsnsAreRefusedWithABoundedCode() {
		assertThatExceptionOfType(IdentifierInvalid.class).isThrownBy(() -> Bsn.parse("111222334"))
			.withMessageNotContaining("111222334")
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("BSN_CHECK_FAILED"));
		assertThatExceptionOfType(IdentifierInvalid.class).isThrownBy(() -> Bsn.parse("000000000"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("BSN_CHECK_FAILED"));
		assertThatExceptionOfType(IdentifierInvalid.class).isThrownBy(() -> Bsn.parse("1234"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("BSN_MALFORMED"));
		assertThatExceptionOfType(IdentifierInvalid.class).isThrownBy(() -> SubjectIdentifiers.parse(null, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("SUBJECT_MISSING"));
	}

	@Test
	void valuesNeverShowInText() {
		assertThat(VNumber.parse("1234567890")).hasToString("VNumber[redacted]");
		assertThat(Bsn.parse("111222333")).hasToString("Bsn[redacted]");
		assertThat(SubjectIdentifiers.parse("1234567890", "111222333"))
			.hasToString("SubjectIdentifiers[[v-number, bsn]]");
	}

	@Test
	void refusesAShortKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonyms(new byte[31]));
	}

}
