package nl.ketenpoort.schemas;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names people see for document types come from the schemas' {@code x-document-type}
 * titles, and read exactly as the message bundles had them.
 */
class DocumentTitlesTests {

	/** The languages the portal offers. */
	private static final List<String> LANGUAGES = List.of("nl", "en", "ar", "ti", "fa", "tr", "bo");

	@Test
	void everyDocumentTypeHasATitleInEveryPortalLanguage() {
		// given
		DocumentTypes types = DocumentTypes.shipped();
		// when / then
		assertThat(types.all()).isNotEmpty()
			.allSatisfy((type) -> assertThat(types.titles(type)).as("titles of %s", type)
				.containsKeys(LANGUAGES.toArray(String[]::new))
				.allSatisfy((language, title) -> assertThat(title).isNotBlank()));
	}

	@Test
	void titlesReadAsTheMessageBundlesHadThem() {
		// given / when / then: nl and en as messages*.properties said before
		assertThat(DocumentType.of("client-profile").title("nl")).isEqualTo("digitaal klantprofiel");
		assertThat(DocumentType.of("nt2-learner-profile").title("nl")).isEqualTo("NT2-leerprofiel");
		assertThat(DocumentType.of("opstartklas-report").title("nl")).isEqualTo("eindverslag van de opstartklas");
		assertThat(DocumentType.of("trajectory-plan").title("nl")).isEqualTo("plan van aanpak");
		assertThat(DocumentType.of("handover-notice").title("nl")).isEqualTo("overdrachtsbericht");
		assertThat(DocumentType.of("client-profile").title("en")).isEqualTo("digital client profile");
		assertThat(DocumentType.of("opstartklas-report").title("en")).isEqualTo("final report of the start class");
		assertThat(DocumentType.of("trajectory-plan").title("tr")).isEqualTo("kişisel plan");
		assertThat(DocumentType.of("handover-notice").title("ar")).isEqualTo("رسالة التسليم");
		// a language without a title falls back to Dutch
		assertThat(DocumentType.of("trajectory-plan").title("de")).isEqualTo("plan van aanpak");
	}

	@Test
	void aDocumentTypeIsAValueOfItsCode() {
		// given / when / then
		assertThat(DocumentType.of("client-profile")).isEqualTo(new DocumentType("client-profile"))
			.hasToString("client-profile");
		assertThat(DocumentType.all()).isSorted();
	}

}
