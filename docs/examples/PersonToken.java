import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints an access token of a demo user (status holder, case manager, privacy officer),
 * obtained as the web pages obtain it: the authorization code flow with PKCE through the
 * login form. Plain JDK, no libraries:
 *
 * <pre>
 * java docs/examples/PersonToken.java yonas
 * java docs/examples/PersonToken.java po-coa
 * </pre>
 *
 * The password is read from {@code $KETENPOORT_DATA_DIR/demo-credentials.txt} (default
 * {@code ./data}); the gateway from {@code $KETENPOORT_URL} (default
 * {@code http://localhost:8080}).
 */
public class PersonToken {

	/** The redirect URI the web client is registered with (only compared, never called). */
	static final String REDIRECT_URI = "http://127.0.0.1:8080/login/callback";

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("usage: java docs/examples/PersonToken.java <demo username>");
			System.exit(2);
		}
		String username = args[0];
		String gateway = System.getenv().getOrDefault("KETENPOORT_URL", "http://localhost:8080");
		Path credentials = Path.of(System.getenv().getOrDefault("KETENPOORT_DATA_DIR", "data"),
				"demo-credentials.txt");
		String password = Files.readAllLines(credentials)
			.stream()
			.map((line) -> line.trim().split("\\s+"))
			.filter((parts) -> parts.length == 2 && parts[0].equals(username))
			.map((parts) -> parts[1])
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No demo user " + username + " in " + credentials));

		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = random(48);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		URI authorize = URI.create(gateway + "/oauth2/authorize?response_type=code&client_id=ketenpoort-web"
				+ "&scope=openid&state=" + random(12) + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge="
				+ challenge + "&code_challenge_method=S256");

		HttpResponse<String> toLogin = get(browser, authorize);
		HttpResponse<String> loginPage = get(browser, location(toLogin));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF token");
		}
		HttpResponse<String> loggedIn = post(browser, URI.create(gateway + "/login"), "username=" + encode(username)
				+ "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1)));
		if (location(loggedIn).getPath().equals("/login")) {
			System.err.println("The login was refused");
			System.exit(1);
		}
		URI callback = location(get(browser, location(loggedIn)));
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback.getRawQuery() != null
				? "?" + callback.getRawQuery() : "");
		if (!code.find()) {
			throw new IllegalStateException("No authorization code in " + callback);
		}
		HttpResponse<String> token = post(browser, URI.create(gateway + "/oauth2/token"),
				"grant_type=authorization_code&code=" + encode(URLDecoder.decode(code.group(1), StandardCharsets.UTF_8))
						+ "&redirect_uri=" + encode(REDIRECT_URI) + "&client_id=ketenpoort-web&code_verifier="
						+ verifier);
		Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
		if (token.statusCode() != 200 || !accessToken.find()) {
			System.err.println("No token: " + token.statusCode() + " " + token.body());
			System.exit(1);
		}
		System.out.println(accessToken.group(1));
	}

	static HttpResponse<String> get(HttpClient client, URI target) throws Exception {
		return client.send(HttpRequest.newBuilder(target).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(HttpClient client, URI target, String form) throws Exception {
		return client.send(HttpRequest.newBuilder(target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static URI location(HttpResponse<String> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					"Expected a redirect from " + response.uri() + " but got " + response.statusCode()));
		return response.uri().resolve(location);
	}

	static String random(int bytes) {
		byte[] buffer = new byte[bytes];
		new SecureRandom().nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
