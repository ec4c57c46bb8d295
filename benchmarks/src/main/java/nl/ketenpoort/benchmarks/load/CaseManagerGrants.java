package nl.ketenpoort.benchmarks.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static nl.ketenpoort.benchmarks.load.PartnerTokens.encode;

/**
 * Makes fresh demo status holders with a consent, the way a case manager records one on
 * their behalf: logs in as a demo case manager (authorization code with PKCE, the login
 * form, {@code demo-credentials.txt}) and grants through {@code POST /api/v1/consents}.
 * For the demo profile only; used when {@code /sandbox/subjects} is not available.
 */
final class CaseManagerGrants {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final String WEB_CLIENT = "ketenpoort-web";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final URI base;

	CaseManagerGrants(URI base) {
		this.base = base;
	}

	/** Grants {@code count} new subjects the consent and returns their V-numbers. */
	List<String> grant(Path dataDir, String user, int count, String purpose, String from, String to,
			String documentType) throws IOException, InterruptedException {
		String token = login(user, password(dataDir, user));
		@Nullable String textSha256 = null;
		for (JsonNode view : JSON.readTree(get(this.base.resolve("/api/v1/purposes?lang=nl"), "application/json"))
			.path("purposes")) {
			if (purpose.equals(view.path("code").asString())) {
				textSha256 = view.path("textSha256").asString();
			}
		}
		if (textSha256 == null) {
			throw new IllegalStateException("No purpose " + purpose + " in GET /api/v1/purposes");
		}
		List<String> vNumbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
			ObjectNode form = JSON.createObjectNode();
			form.put("purpose", purpose);
			form.put("from", from);
			form.putArray("to").add(to);
			form.putArray("documentTypes").add(documentType);
			form.put("language", "nl");
			form.put("textSha256", textSha256);
			form.put("vNumber", vNumber);
			form.put("evidenceReference", "benchmark load driver");
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve("/api/v1/consents"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Grant refused: " + response.statusCode() + " " + response.body());
			}
			vNumbers.add(vNumber);
		}
		return vNumbers;
	}

	private String login(String user, String password) throws IOException, InterruptedException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		String redirect = this.base.resolve("/login/callback").toString();
		URI authorize = this.base.resolve("/oauth2/authorize?response_type=code&client_id=" + WEB_CLIENT
				+ "&scope=openid&state=load&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256");
		send(HttpRequest.newBuilder(authorize).GET());
		String loginPage = get(this.base.resolve("/login"), "text/html");
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(this.base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1)))));
		URI next = this.base.resolve(loggedIn.headers().firstValue("Location").orElse(authorize.toString()));
		HttpResponse<String> authorized = send(HttpRequest.newBuilder(next).GET());
		String location = authorized.headers().firstValue("Location").orElse("");
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		if (!code.find()) {
			throw new IllegalStateException(
					"Login as " + user + " gave no authorization code: " + authorized.statusCode() + " " + location);
		}
		HttpResponse<String> token = send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + encode(redirect)
						+ "&client_id=" + WEB_CLIENT + "&code_verifier=" + verifier)));
		if (token.statusCode() != 200) {
			throw new IllegalStateException("No token for " + user + ": " + token.statusCode() + " " + token.body());
		}
		return JSON.readTree(token.body()).get("access_token").asString();
	}

	private String get(URI uri, String accept) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET()).body();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String password(Path dataDir, String user) throws IOException {
		for (String line : Files.readAllLines(dataDir.resolve("demo-credentials.txt"))) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length == 2 && parts[0].equals(user)) {
				return parts[1];
			}
		}
		throw new IllegalStateException("No demo user " + user + " in " + dataDir.resolve("demo-credentials.txt"));
	}

	private static byte[] sha256(String value) {
		return Digests.sha256(value.getBytes(StandardCharsets.US_ASCII));
	}

}
