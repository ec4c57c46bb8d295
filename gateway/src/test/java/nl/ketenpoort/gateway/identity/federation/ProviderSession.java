package nl.ketenpoort.gateway.identity.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A browser for signing in at an upstream provider over plain HTTP: keeps its cookies (at
 * the gateway and at the provider) and follows the redirects of a sign-in by hand, from
 * the gateway's {@code /oauth2/authorization/<registration>} to the provider's
 * authorization endpoint and back to the gateway's callback.
 */
public final class ProviderSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final String language;

	private String csrf = "";

	private @Nullable URI authorization;

	/**
	 * @param port the gateway's port
	 * @param language the browser's preferred language ({@code Accept-Language})
	 */
	public ProviderSession(int port, String language) {
		this.base = "http://127.0.0.1:" + port;
		this.language = language;
	}

	/**
	 * Signs in at the provider of this registration as a browser would: the gateway's
	 * answer to the provider's callback, or the first answer that is no redirect.
	 */
	public HttpResponse<String> signIn(String registrationId) {
		HttpResponse<String> start = get("/oauth2/authorization/" + registrationId);
		if (start.statusCode() != 302) {
			return start;
		}
		this.authorization = location(start);
		HttpResponse<String> provider = send(this.authorization, "text/html");
		if (provider.statusCode() != 302) {
			return provider;
		}
		return send(location(provider), "text/html");
	}

	/** The authorization request the last sign-in sent the browser to. */
	public URI authorizationRequest() {
		if (this.authorization == null) {
			throw new IllegalStateException("No sign-in was started");
		}
		return this.authorization;
	}

	/** GET a page of the gateway; remembers its CSRF token. */
	public HttpResponse<String> get(String path) {
		return send(URI.create(this.base + path), "text/html");
	}

	/** GET anything, as a client that asks for this media type. */
	public HttpResponse<String> send(URI uri, String accept) {
		HttpResponse<String> response = exchange(
				HttpRequest.newBuilder(uri).header("Accept", accept).header("Accept-Language", this.language).GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** POST a form of the gateway with the CSRF token of the last page. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", this.csrf);
		String body = withToken.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return exchange(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Accept-Language", this.language)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public static URI location(HttpResponse<String> response) {
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
