package nl.ketenpoort.gateway.consent.internal;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.statement.ConsentKeys;
import nl.ketenpoort.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The purpose catalogue's language handling, on the real catalogue without a database:
 * the reader's language with its writing direction, and the fallback language for one
 * that is not offered.
 */
@WebSliceTest(PurposeController.class)
@Import(PurposeControllerWebTests.Catalogue.class)
class PurposeControllerWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PurposeCatalogue catalogue;

	@MockitoBean
	ConsentKeys keys;

	@Test
	void givesTheCatalogueInTheAskedLanguage() throws Exception {
		this.mvc.perform(get("/api/v1/purposes").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.direction").value("ltr"))
			.andExpect(jsonPath("$.catalogueVersion").value(this.catalogue.version()))
			.andExpect(jsonPath("$.purposes", hasSize(this.catalogue.purposes().size())))
			.andExpect(jsonPath("$.purposes[*].language", everyItem(is("en"))))
			.andExpect(jsonPath("$.purposes[0].title", not(emptyOrNullString())));
	}

	@Test
	void writesArabicAndFarsiRightToLeft() throws Exception {
		for (String language : new String[] { "ar", "fa" }) {
			this.mvc.perform(get("/api/v1/purposes").param("lang", language))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.language").value(language))
				.andExpect(jsonPath("$.direction").value("rtl"))
				.andExpect(jsonPath("$.purposes[*].language", everyItem(is(language))));
		}
	}

	@Test
	void answersDutchWithoutALanguage() throws Exception {
		this.mvc.perform(get("/api/v1/purposes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("nl"))
			.andExpect(jsonPath("$.direction").value("ltr"));
	}

	@Test
	void fallsBackForALanguageNotOffered() throws Exception {
		// An unknown language is no error: the reader gets the fallback text, and the
		// answer says which language that is.
		this.mvc.perform(get("/api/v1/purposes").param("lang", "xx"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value(nl.ketenpoort.consent.purpose.Purpose.FALLBACK_LANGUAGE))
			.andExpect(jsonPath("$.purposes[*].language",
					everyItem(is(nl.ketenpoort.consent.purpose.Purpose.FALLBACK_LANGUAGE))));
	}

	@Test
	void refusesAnAnswerItCannotWriteWithAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/purposes").accept(MediaType.APPLICATION_XML))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	// A plain class, not a @TestConfiguration: imported by this slice only, never found
	// by the
	// component scan of other tests' contexts.
	static class Catalogue {

		@Bean
		PurposeCatalogue purposeCatalogue() {
			return PurposeCatalogue.load();
		}

	}

}
