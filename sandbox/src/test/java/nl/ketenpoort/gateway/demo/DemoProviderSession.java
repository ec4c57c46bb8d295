package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser that signs in at one of the demo's OpenID providers over plain HTTP, as a
 * person would: from the gateway's {@code /oauth2/authorization/<registration>} to the
 * provider's login page, a demo username picked there, and back to the gateway's
 * callback. Keeps its cookies and follows redirects by hand.
 */
final class DemoProviderSession {

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	/** The provider's login page of the last sign-in. */
	HttpResponse<String> loginPage;

	DemoProviderSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Signs in with this username at the provider of this registration.
	 * @return the gateway's answer to the provider's callback, or the first answer that
	 * is not the expected step
	 */
	HttpResponse<String> signIn(String registrationId, String username) {
		HttpResponse<String> start = get("/oauth2/authorization/" + registrationId);
		if (start.statusCode() != 302) {
			return start;
		}
		URI authorization = location(start);
		this.loginPage = send(HttpRequest.newBuilder(authorization).GET());
		if (this.loginPage.statusCode() != 200) {
			return this.loginPage;
		}
		HttpResponse<String> login = send(HttpRequest.newBuilder(authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&claims=")));
		if (login.statusCode() != 302) {
			return login;
		}
		return send(HttpRequest.newBuilder(location(login)).GET());
	}

	/** GET a page of the gateway. */
	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	static URI location(HttpResponse<String> response) {
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
