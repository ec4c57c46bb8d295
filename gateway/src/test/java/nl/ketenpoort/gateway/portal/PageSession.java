package nl.ketenpoort.gateway.portal;

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

/**
 * A browser-like HTTP session for page tests: logs in with the login form, keeps the
 * session cookie and posts forms with the CSRF token of the page they came from.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	private String csrf = "";

	private PageSession(int port) {
		this(HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build(), port);
	}

	private PageSession(HttpClient client, int port) {
		this.client = client;
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * The same browser (its cookies, its last CSRF token) talking to another gateway
	 * node, as behind a load balancer without sticky sessions.
	 */
	public PageSession on(int port) {
		PageSession other = new PageSession(this.client, port);
		other.csrf = this.csrf;
		return other;
	}

	/** A session that has not logged in, for tests of the login form itself. */
	public static PageSession anonymous(int port) {
		return new PageSession(port);
	}

	/** A session logged in with this username and password. */
	public static PageSession logIn(int port, String username, String password) {
		PageSession session = new PageSession(port);
		session.get("/login");
		HttpResponse<String> response = session.post("/login", Map.of("username", username, "password", password));
		if (response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("The login was refused");
		}
		return session;
	}

	/** The browser of this session, with its session cookie. */
	public HttpClient browser() {
		return this.client;
	}

	/** GET as a browser asks for a page; remembers the page's CSRF token. */
	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "nl")
			.GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** POST a form with the CSRF token of the last page. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", this.csrf);
		return postRaw(path, withToken);
	}

	/** POST a form exactly as given, without adding a CSRF token. */
	public HttpResponse<String> postRaw(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "nl")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Any request with the session cookie, sending the CSRF token of the last page as a
	 * header (for endpoints that are not forms).
	 */
	public HttpResponse<String> request(String method, String path, String accept, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", accept)
			.header("Accept-Language", "nl")
			.header("X-CSRF-TOKEN", this.csrf);
		if (body.isEmpty()) {
			return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
		}
		return send(
				request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
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

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
