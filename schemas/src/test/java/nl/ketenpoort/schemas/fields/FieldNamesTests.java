package nl.ketenpoort.schemas.fields;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTests {

	@Test
	void listsNestedPathsWithArrayItemsTransparentAndNoValues() {
		// given
		JsonNode document = JsonMapper.builder().build().readTree("""
				{"subject": {"vNumber": "2317845096"},
				 "languages": [{"language": "ar", "level": "native"}, {"language": "nl", "literate": true}],
				 "reviewDates": ["2026-10-15"]}
				""");
		// when
		var names = FieldNames.of(document);
		// then
		assertThat(names).containsExactly("languages", "languages.language", "languages.level", "languages.literate",
				"reviewDates", "subject", "subject.vNumber");
	}

}
