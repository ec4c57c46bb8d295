package nl.ketenpoort.schemas.validation;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FormatTests {

	private static final DocumentValidator validator = DocumentValidator.create();

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = ';', textBlock = """
			phone; 020-5559020; ok
			phone; 020 555 9020; ok
			phone; 0612345678; ok
			phone; 06 12345678; ok
			phone; +31 20 555 9020; ok
			phone; +291 1 123456; ok
			phone; 555-CALL-ME; pattern
			phone; 12345; pattern
			phone; 0031205559020x; pattern
			email; s.yilmaz@amsterdam.example.org; ok
			email; s.yilmaz@; format
			email; s.yilmaz at amsterdam; format
			""")
	void contactDetailsAreChecked(String field, String value, String expected) {
		// given a handover notice whose contact has this phone number or e-mail address
		String contact = "phone".equals(field) ? "\"phone\": \"" + value + "\"" : "\"email\": \"" + value + "\"";
		String document = """
				{"subject": {"vNumber": "2317845096"},
				 "document": {"type": "client-profile", "exchangeId": "0f8e2c4a-5b7d-4e1f"},
				 "receivingOrganisation": {"id": "raak"},
				 "receivingContact": {"name": "Sevda Yilmaz", "role": "klantmanager", %s}}
				""".formatted(contact);
		// when
		List<Violation> violations = validator.validate(DocumentType.of("handover-notice"), document);
		// then
		if ("ok".equals(expected)) {
			assertThat(violations).isEmpty();
		}
		else {
			assertThat(violations).extracting(Violation::pointer, Violation::keyword)
				.containsExactly(tuple("/receivingContact/" + field, expected));
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', textBlock = """
			2024-02-29; ok
			2000-02-29; ok
			1900-02-29; format
			2023-02-29; format
			2026-04-31; format
			2026-12-31; ok
			2026-00-10; format
			2026-01-00; format
			2026-01-0x; format
			2026/01/10; format
			2026-13-01; format
			01-05-2026; format
			2026-5-1; format
			""")
	void datesAreRealCalendarDates(String value, String expected) {
		// given
		String document = """
				{"subject": {"vNumber": "2317845096"}, "name": {"givenNames": "A", "familyName": "B"},
				 "birthDate": "%s", "languages": [{"language": "ar", "level": "native"}]}
				""".formatted(value);
		// when
		List<Violation> violations = validator.validate(DocumentType.of("client-profile"), document);
		// then
		assertThat(violations).extracting(Violation::keyword)
			.isEqualTo("ok".equals(expected) ? List.of() : List.of(expected));
	}

}
