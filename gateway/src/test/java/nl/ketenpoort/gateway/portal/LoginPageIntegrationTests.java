package nl.ketenpoort.gateway.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page speaks the visitor's language, right to left where it should, and says
 * when the password was wrong.
 */
class LoginPageIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	MessageSource messages;

	@Autowired
	TestTokens tokens;

	@Test
	void loginPageInArabicIsRightToLeft() {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login?lang=ar")));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"ar\"")
			.contains("dir=\"rtl\"")
			.contains("تسجيل الدخول")
			.contains("name=\"_csrf\"")
			.contains("id=\"username\"")
			.contains("id=\"password\"");
	}

	@Test
	void wrongPasswordIsToldInTheLanguageChosen() {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login?error&lang=tr")));

		assertThat(page.body()).contains("lang=\"tr\"").contains("Kullanıcı adı veya şifre doğru değil.");
	}

	@Test
	void theLanguageChosenOnThePageThatSentThePersonToTheLoginCarriesThrough() {
		// a browser that keeps no cookies and prefers English: only the redirect can
		// carry it
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (PageLanguages.Language language : PageLanguages.ALL) {
			for (String section : new String[] { "/portal", "/console" }) {
				// given
				HttpRequest.Builder protectedPage = HttpRequest.newBuilder(uri(section + "?lang=" + language.code()))
					.header("Accept", "text/html")
					.header("Accept-Language", "en");

				// when
				HttpResponse<String> toLogin = send(browser, protectedPage);
				URI login = uri("/").resolve(toLogin.headers().firstValue("Location").orElseThrow());
				HttpResponse<String> page = send(browser,
						HttpRequest.newBuilder(login).header("Accept", "text/html").header("Accept-Language", "en"));

				// then
				assertThat(toLogin.statusCode()).as(section).isEqualTo(302);
				assertThat(login.getPath()).as(section).isEqualTo("/login");
				assertThat(page.body()).as(language.code() + " from " + section)
					.contains("lang=\"" + language.code() + "\" dir=\"" + language.direction() + "\"")
					.contains(this.messages.getMessage("login.title", null, Locale.forLanguageTag(language.code())));
			}
		}
	}

	@Test
	void afterTheLoginThePersonReturnsToThePageInTheLanguageChosen() {
		// given
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, null);
		PageSession browser = PageSession.anonymous(this.port);
		String toLogin = browser.get("/portal?lang=ti").headers().firstValue("Location").orElseThrow();
		assertThat(browser.get(URI.create(toLogin).getRawPath() + "?" + URI.create(toLogin).getRawQuery()).body())
			.contains("lang=\"ti\"");

		// when
		HttpResponse<String> loggedIn = browser.post("/login",
				java.util.Map.of("username", login.username(), "password", login.password()));

		// then
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/portal?lang=ti"));
	}

	@Test
	void aLanguageThatIsNotOfferedIsNotCarriedToTheLogin() {
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		HttpResponse<String> toLogin = send(browser,
				HttpRequest.newBuilder(uri("/portal?lang=%22%3E%3Cscript%3E")).header("Accept", "text/html"));

		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(toLogin.headers().firstValue("Location")).as("no lang parameter")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
