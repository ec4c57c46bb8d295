package nl.ketenpoort.gateway.portal;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page speaks the visitor's language, right to left where it should, and says
 * when the password was wrong.
 */
class LoginPageIntegrationTests extends GatewayIntegrationTest {

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

}
