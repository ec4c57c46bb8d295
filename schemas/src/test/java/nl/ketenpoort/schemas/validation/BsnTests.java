package nl.ketenpoort.schemas.validation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;

class BsnTests {

	@ParameterizedTest
	@ValueSource(strings = { "111222333", "628194821", "252760189", "507529170", "121547280" })
	void numbersThatPassTheElevenTestAreValid(String bsn) {
		// given a number whose weighted sum is a multiple of 11
		// when
		boolean valid = Bsn.isValid(bsn);
		// then
		assertThat(valid).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "111222334", "628194822", "123456789", "000000000", "11122233", "1112223330", "11122233a",
			"", " 11222333" })
	void numbersThatFailTheElevenTestOrAreMalformedAreInvalid(String bsn) {
		// given a number with a wrong check digit, all zeros, the wrong length or a
		// non-digit
		// when
		boolean valid = Bsn.isValid(bsn);
		// then
		assertThat(valid).isFalse();
	}

	@Test
	void theSchemaFormatAppliesTheElevenTestNotJustAPattern() {
		// given nine digits that a pattern would accept but the 11-test rejects
		DocumentValidator validator = DocumentValidator.create();
		String document = """
				{"subject": {"vNumber": "1234567890", "bsn": "123456789"}, "name": {"givenNames": "A", "familyName": "B"},
				 "birthDate": "1990-01-01", "languages": [{"language": "ar", "level": "native"}]}
				""";
		// when
		List<Violation> violations = validator.validate(DocumentType.of("client-profile"), document);
		// then
		assertThat(violations).containsExactly(new Violation("/subject/bsn", "format", "is not a valid bsn"));
	}

}
