package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests of {@code docs/walkthrough.md} as code, for the end-to-end test: against a
 * gateway at a base URL (the test's own, or a demo started as a separate process), with
 * partner keys in {@code <dataDir>/keys/partners} and the demo passwords in
 * {@code <dataDir>/demo-credentials.txt}. Each method is one command of the walkthrough;
 * it returns the raw response so that the test can state what one should see.
 */
public final class Walkthrough {

	/** The redirect URI the web client is registered with (compared, never called). */
	static final String REDIRECT_URI = "http://127.0.0.1:8080/login/callback";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final URI gateway;

	private final Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	public Walkthrough(URI gateway, Path dataDir) {
		this.gateway = gateway;
		this.dataDir = dataDir;
	}

	/** {@code vnumber <first name>}: from {@code GET /sandbox/subjects} (demo only). */
	public String vNumber(String firstName) {
		for (JsonNode subject : json(get("/sandbox/subjects", null)).values()) {
			if (subject.path("displayName").asString("").startsWith(firstName + " ")) {
				return subject.get("vNumber").asString();
			}
		}
		throw new IllegalStateException("No demo status holder " + firstName);
	}

	/** {@code java docs/examples/PartnerToken.java <partner> [scope …]}. */
	public String partnerToken(String partner, String... scopes) {
		try {
			ECKey key = ECKey.parse(Files.readString(this.dataDir.resolve("keys/partners/" + partner + ".jwk")));
			String tokenEndpoint = this.gateway.resolve("/oauth2/token").toString();
			Instant now = Instant.now();
			SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					new JWTClaimsSet.Builder().issuer(partner)
						.subject(partner)
						.audience(tokenEndpoint)
						.jwtID(UUID.randomUUID().toString())
						.issueTime(Date.from(now))
						.expirationTime(Date.from(now.plusSeconds(60)))
						.build());
			assertion.sign(new ECDSASigner(key));
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", "client_credentials");
			form.put("client_id", partner);
			form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
			form.put("client_assertion", assertion.serialize());
			form.put("scope",
					String.join(" ",
							(scopes.length > 0) ? List.of(scopes)
									: List
										.of("exchange:send:client-profile", "exchange:send:nt2-learner-profile",
												"exchange:send:trajectory-plan", "exchange:send:opstartklas-report",
												"exchange:send:handover-notice")
										.stream()
										.filter((scope) -> sends(partner, scope))
										.toList()));
			return token(send(this.http, post("/oauth2/token", form)));
		}
		catch (IOException | java.text.ParseException | JOSEException ex) {
			throw new IllegalStateException("No partner token for " + partner, ex);
		}
	}

	/**
	 * {@code java docs/examples/PersonToken.java <user>}: password from the demo file.
	 */
	public String personToken(String username) {
		try {
			String password = Files.readAllLines(this.dataDir.resolve("demo-credentials.txt"))
				.stream()
				.map((line) -> line.trim().split("\\s+"))
				.filter((parts) -> parts.length == 2 && parts[0].equals(username))
				.map((parts) -> parts[1])
				.findFirst()
				.orElseThrow();
			return personToken(username, password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The login of the pages: authorization code with PKCE through the login form. */
	public String personToken(String username, String password) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = random(48);
		HttpResponse<String> toLogin = send(browser,
				HttpRequest.newBuilder(this.gateway
					.resolve("/oauth2/authorize?response_type=code&client_id=ketenpoort-web&scope=openid&state="
							+ random(12) + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge="
							+ challenge(verifier) + "&code_challenge_method=S256"))
					.header("Accept", "text/html"));
		HttpResponse<String> loginPage = send(browser,
				HttpRequest.newBuilder(location(toLogin)).header("Accept", "text/html"));
		Matcher csrf = CSRF.matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF token");
		}
		HttpResponse<String> loggedIn = send(browser,
				post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
		URI callback = location(
				send(browser, HttpRequest.newBuilder(location(loggedIn)).header("Accept", "text/html")));
		Matcher code = Pattern.compile("(?:^|&)code=([^&]+)").matcher(String.valueOf(callback.getRawQuery()));
		if (!code.find()) {
			throw new IllegalStateException("The login was refused");
		}
		return token(send(browser,
				post("/oauth2/token",
						Map.of("grant_type", "authorization_code", "code",
								java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri",
								REDIRECT_URI, "client_id", "ketenpoort-web", "code_verifier", verifier))));
	}

	/** {@code consent <token> <purpose> <from> <to> <type> <language>}. */
	public HttpResponse<String> consent(String token, String purpose, String from, String to, String documentType,
			String language) {
		String textSha256 = null;
		for (JsonNode candidate : json(get("/api/v1/purposes?lang=" + language, null)).get("purposes").values()) {
			if (candidate.get("code").asString().equals(purpose)) {
				textSha256 = candidate.get("textSha256").asString();
			}
		}
		ObjectNode grant = JSON.createObjectNode();
		grant.put("purpose", purpose);
		grant.put("from", from);
		grant.putArray("to").add(to);
		grant.putArray("documentTypes").add(documentType);
		grant.put("language", language);
		grant.put("textSha256", textSha256);
		return postJson("/api/v1/consents", token, grant, null);
	}

	/**
	 * {@code submit <sender> <purpose> <recipient> <type> <example> <key>} about a
	 * V-number.
	 */
	public HttpResponse<String> submit(String sender, String purpose, String recipient, String documentType,
			String example, String vNumber, String idempotencyKey) {
		ObjectNode document;
		try (InputStream in = Walkthrough.class.getClassLoader()
			.getResourceAsStream("examples/" + documentType + "/valid/" + example)) {
			document = (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		document.putObject("subject").put("vNumber", vNumber);
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", documentType);
		request.put("purpose", purpose);
		request.put("recipient", recipient);
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", document);
		return postJson("/api/v1/exchanges", partnerToken(sender), request, idempotencyKey);
	}

	/** {@code curl -X POST $GW/api/v1/consents/<id>/revoke}. */
	public HttpResponse<String> revoke(String token, String consentId) {
		return send(this.http,
				HttpRequest.newBuilder(this.gateway.resolve("/api/v1/consents/" + consentId + "/revoke"))
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** {@code curl -X POST $GW/sandbox/partners/<id>/mode?mode=<mode>}. */
	public HttpResponse<String> mode(String partner, String mode) {
		return send(this.http,
				HttpRequest.newBuilder(this.gateway.resolve("/sandbox/partners/" + partner + "/mode?mode=" + mode))
					.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** {@code curl $GW/sandbox/partners/<id>/received}. */
	public List<JsonNode> received(String partner) {
		return json(get("/sandbox/partners/" + partner + "/received", null)).values().stream().toList();
	}

	/**
	 * A GET with an optional bearer token, e.g. the exchange status or the audit trail.
	 */
	public HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(this.http, request);
	}

	/** A POST without a body and with a bearer token, e.g. the audit verification. */
	public HttpResponse<String> post(String path, String token) {
		return send(this.http,
				HttpRequest.newBuilder(this.gateway.resolve(path))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** A POST with a JSON body and a bearer token, e.g. an audit export. */
	public HttpResponse<String> postJson(String path, String token, String body) {
		return send(this.http,
				HttpRequest.newBuilder(this.gateway.resolve(path))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> postJson(String path, String token, ObjectNode body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(this.http, request);
	}

	private HttpRequest.Builder post(String path, Map<String, String> form) {
		return HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"))));
	}

	private static boolean sends(String partner, String scope) {
		return switch (partner) {
			case "tvs" -> scope.endsWith(":client-profile") || scope.endsWith(":nt2-learner-profile");
			case "raak" -> scope.endsWith(":trajectory-plan") || scope.endsWith(":opstartklas-report")
					|| scope.endsWith(":handover-notice");
			case "opstartklas" -> scope.endsWith(":opstartklas-report") || scope.endsWith(":handover-notice");
			default -> scope.endsWith(":handover-notice");
		};
	}

	private static String token(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
		}
		return json(response).get("access_token").asString();
	}

	private static URI location(HttpResponse<String> response) {
		return response.uri()
			.resolve(response.headers()
				.firstValue("Location")
				.orElseThrow(() -> new IllegalStateException("Expected a redirect, got " + response.statusCode())));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String random(int bytes) {
		byte[] buffer = new byte[bytes];
		new SecureRandom().nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	private static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
