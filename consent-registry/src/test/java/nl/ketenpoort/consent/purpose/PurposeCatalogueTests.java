package nl.ketenpoort.consent.purpose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;

import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PurposeCatalogueTests {

	private final PurposeCatalogue catalogue = PurposeCatalogue.load();

	@Test
	void loadsTheShippedCatalogue() {
		assertThat(this.catalogue.version()).isNotBlank();
		assertThat(this.catalogue.purposes()).extracting(Purpose::code)
			.contains("handover-coa-municipality", "social-guidance-vwn", "language-course-placement",
					"handover-notice");
		Purpose placement = this.catalogue.get("language-course-placement");
		assertThat(placement.covers("tvs", "taalschool-b", DocumentType.of("nt2-learner-profile"))).isTrue();
		assertThat(placement.covers("raak", "taalschool-a", DocumentType.of("opstartklas-report"))).isTrue();
		assertThat(placement.maxValidity()).isEqualTo(Period.ofYears(1));
	}

	@Test
	void everyAllowedEntryIsKnownToTheDocumentSchemas() {
		PurposeCatalogue checked = PurposeCatalogue.load(new ClassPathResource(PurposeCatalogue.DEFAULT_LOCATION),
				DocumentSchemas.load()::unknownEntries);
		assertThat(checked.purposes()).hasSameSizeAs(this.catalogue.purposes());
	}

	@Test
	void noPurposeSendsTheTrajectoryPlanToALanguageProvider() {
		for (Purpose purpose : this.catalogue.purposes()) {
			for (String provider : new String[] { "opstartklas", "taalschool-a", "taalschool-b" }) {
				for (String sender : new String[] { "tvs", "raak", "vvs", "opstartklas" }) {
					assertThat(purpose.covers(sender, provider, DocumentType.of("trajectory-plan"))).isFalse();
				}
			}
		}
	}

	@Test
	void specialCategoryPurposesRestOnExplicitConsentAndSaySo() {
		for (Purpose purpose : this.catalogue.purposes()) {
			boolean health = purpose.allowedCategories()
				.values()
				.stream()
				.anyMatch((categories) -> categories.contains("health") || categories.contains("wellbeing"));
			assertThat(purpose.specialCategory()).isEqualTo(health);
			if (purpose.specialCategory()) {
				assertThat(purpose.legalBasis()).isEqualTo(LegalBasis.EXPLICIT_CONSENT);
				assertThat(purpose.text("nl").explanation()).contains("gezondheid", "uitdrukkelijke toestemming");
				assertThat(purpose.text("en").explanation()).contains("health", "explicit consent");
			}
		}
	}

	@Test
	void textsInEveryLanguageWithDraftsMarkedAndDutchAsFallback() {
		Purpose purpose = this.catalogue.get("handover-notice");
		for (String language : PurposeCatalogue.REQUIRED_LANGUAGES) {
			PurposeText text = purpose.text(language);
			assertThat(text.language()).isEqualTo(language);
			assertThat(text.machineDraft()).isEqualTo(!language.equals("nl") && !language.equals("en"));
		}
		assertThat(purpose.text("de")).isEqualTo(purpose.text("nl"));
		assertThat(purpose.offersLanguage("de")).isFalse();
		assertThat(purpose.offersLanguage("bo")).isTrue();
	}

	@Test
	void theCanonicalTextAndItsHashAreDefined() {
		PurposeText text = new PurposeText("en", "  Title ", "Line one\r\nline two\n", false);
		assertThat(text.canonical()).isEqualTo("Title\n\nLine one\nline two");
		// sha256("Title\n\nLine one\nline two")
		assertThat(text.sha256()).hasSize(64)
			.isEqualTo(new PurposeText("en", "Title", "Line one\nline two", true).sha256());
		assertThat(this.catalogue.text("handover-notice", "ar").sha256())
			.isNotEqualTo(this.catalogue.text("handover-notice", "fa").sha256());
	}

	@Test
	void failsFastOnADuplicateCode() throws IOException {
		String yaml = shipped().replace("code: handover-notice", "code: social-guidance-vwn");
		assertInvalid(yaml, "duplicate purpose code 'social-guidance-vwn'");
	}

	@Test
	void failsFastOnAnUnknownDocumentType() throws IOException {
		String yaml = shipped().replace("documents: [handover-notice]", "documents: [intake-report]");
		assertInvalid(yaml, "unknown document type 'intake-report'");
	}

	@Test
	void failsFastOnAMissingLanguage() throws IOException {
		String yaml = shipped().replace("      bo:\n", "      xx:\n");
		assertInvalid(yaml, "missing text in language 'bo'");
	}

	@Test
	void failsFastOnHealthDataWithoutExplicitConsent() throws IOException {
		String yaml = shipped().replace("handover-notice: [identity, contact, exchange, planning]",
				"handover-notice: [identity, contact, exchange, planning, health]");
		assertInvalid(yaml, "'special-category' must be true");
	}

	@Test
	void failsFastOnAnUnknownCategory() throws IOException {
		String yaml = shipped().replace("handover-notice: [identity, contact, exchange, planning]",
				"handover-notice: [identity, gossip]");
		assertInvalid(yaml, "unknown field or category [gossip]");
	}

	private static void assertInvalid(String yaml, String problem) {
		InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(CatalogueInvalid.class)
			.isThrownBy(() -> PurposeCatalogue.load(in, "test.yaml", AllowedEntries.CATEGORIES_ONLY))
			.withMessageContaining(problem);
	}

	private static String shipped() throws IOException {
		try (InputStream in = new ClassPathResource(PurposeCatalogue.DEFAULT_LOCATION).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
