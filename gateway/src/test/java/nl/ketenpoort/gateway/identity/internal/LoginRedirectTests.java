package nl.ketenpoort.gateway.identity.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language a page or an authorization request asked for is carried to the login page,
 * but only when it has the shape of a language code.
 */
class LoginRedirectTests {

	@Test
	void theLanguageOfThePageIsCarried() {
		assertThat(LoginRedirect.language(request("lang", "ar"))).isEqualTo("ar");
		assertThat(LoginRedirect.language(request("lang", "TI"))).isEqualTo("ti");
	}

	@Test
	void theFirstUiLocaleOfAnAuthorizationRequestIsCarried() {
		assertThat(LoginRedirect.language(request("ui_locales", "fa-IR nl"))).isEqualTo("fa");
	}

	@Test
	void anythingElseIsNot() {
		assertThat(LoginRedirect.language(request("lang", "\"><script>"))).isNull();
		assertThat(LoginRedirect.language(request("lang", "ar&next=//evil.example"))).isNull();
		assertThat(LoginRedirect.language(request("ui_locales", " "))).isNull();
		assertThat(LoginRedirect.language(new MockHttpServletRequest())).isNull();
	}

	private static MockHttpServletRequest request(String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal");
		request.setParameter(name, value);
		return request;
	}

}
