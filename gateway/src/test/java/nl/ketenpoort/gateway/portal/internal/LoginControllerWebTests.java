package nl.ketenpoort.gateway.portal.internal;

import java.util.List;

import nl.ketenpoort.gateway.WebSliceTest;
import nl.ketenpoort.gateway.identity.UpstreamProviders;
import nl.ketenpoort.gateway.identity.UpstreamProviders.ProviderButton;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login page rendered by its real templates and message bundles, without a database:
 * the language asked for (and remembered), the browser's preference otherwise, the
 * writing direction, the draft-translation notice and the provider buttons.
 */
@WebSliceTest(LoginController.class)
class LoginControllerWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UpstreamProviders providers;

	@Test
	void arabicIsWrittenRightToLeftAndRemembered() throws Exception {
		this.mvc.perform(get("/login").param("lang", "ar"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lang=\"ar\" dir=\"rtl\""),
					containsString("<h1>تسجيل الدخول</h1>"), containsString("class=\"draft-notice\""))))
			.andExpect(cookie().value(PageConfiguration.LANGUAGE_COOKIE, "ar"));
	}

	@Test
	void farsiIsWrittenRightToLeft() throws Exception {
		this.mvc.perform(get("/login").param("lang", "fa"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("lang=\"fa\" dir=\"rtl\""), containsString("<h1>ورود</h1>"))));
	}

	@Test
	void theBrowsersPreferenceDecidesWithoutAChoice() throws Exception {
		this.mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "de, en;q=0.8"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lang=\"en\" dir=\"ltr\""),
					containsString("<h1>Log in</h1>"), not(containsString("class=\"draft-notice\"")))));
	}

	@Test
	void dutchWithoutAnyPreferenceAndALanguageNotOfferedIsIgnored() throws Exception {
		this.mvc.perform(get("/login").param("lang", "xx"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("lang=\"nl\" dir=\"ltr\""), containsString("<h1>Inloggen</h1>"))))
			.andExpect(cookie().doesNotExist(PageConfiguration.LANGUAGE_COOKIE));
	}

	@Test
	void showsAButtonPerUpstreamProvider() throws Exception {
		given(this.providers.buttons()).willReturn(List.of(new ProviderButton("digid", "DigiD", true)));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Log in with DigiD"),
					containsString("href=\"" + new ProviderButton("digid", "DigiD", true).path() + "\""),
					containsString("href=\"/login/no-digid\""))));
	}

	@Test
	void theRefusalPageIsOnlyReachedByARefusedLogin() throws Exception {
		this.mvc.perform(get("/login/refused")).andExpect(redirectedUrl("/login"));
	}

}
