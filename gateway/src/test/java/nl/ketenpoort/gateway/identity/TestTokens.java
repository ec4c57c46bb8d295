package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Real tokens for integration tests, obtained the way partners and people obtain them: a
 * partner token through {@code POST /oauth2/token} with a {@code private_key_jwt}
 * assertion, a person's token through authorization code with PKCE after the login form.
 * Inject it into any test that extends {@code GatewayIntegrationTest}:
 *
 * <pre>
 * &#64;Autowired TestTokens tokens;
 * String tvs = tokens.partner("tvs");                                   // all its scopes
 * String raak = tokens.partner("raak", "exchange:receive:client-profile");
 * String officer = tokens.person(Role.PRIVACY_OFFICER, "coa");
 * String amira = tokens.person(Role.STATUS_HOLDER, null, "vnr_…pseudonym…");
 * </pre>
 */
@Component
public class TestTokens {

	/** The redirect URI the web client is registered with by default. */
	public static final String REDIRECT_URI = "http://127.0.0.1:8080/login/callback";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final PartnerKeys partnerKeys;

	private final Partners partners;

	private final People people;

	private final Environment environment;

	private final Map<String, ECKey> keys = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	TestTokens(PartnerKeys partnerKeys, Partners partners, People people, Environment environment) {
		this.partnerKeys = partnerKeys;
		this.partners = partners;
		this.people = people;
		this.environment = environment;
	}

	/** A partner access token with every scope the partner may have. */
	public String partner(String partnerId) {
		Set<String> scopes = this.partners.find(partnerId).orElseThrow().scopes();
		return partner(partnerId, scopes.toArray(String[]::new));
	}

	/** A partner access token with these scopes. */
	public String partner(String partnerId, String... scopes) {
		HttpResponse<String> response = requestToken(partnerId, assertion(partnerId), String.join(" ", scopes));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return json(response).get("access_token").asString();
	}

	/** The partner's private test key, made and registered on first use. */
	public ECKey partnerKey(String partnerId) {
		return this.keys.computeIfAbsent(partnerId, (id) -> {
			try {
				ECKey key = new ECKeyGenerator(Curve.P_256).keyID("test-" + id + "-" + UUID.randomUUID()).generate();
				this.partnerKeys.register(id, key.toPublicJWK());
				return key;
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** A fresh, valid client assertion of this partner, for the token endpoint. */
	public String assertion(String partnerId) {
		Instant now = Instant.now();
		return sign(partnerKey(partnerId),
				claims(partnerId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build());
	}

	/** The claims of a valid assertion, for tests that want to spoil one. */
	public JWTClaimsSet.Builder claims(String clientId) {
		return new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(uri("/oauth2/token").toString())
			.jwtID(UUID.randomUUID().toString());
	}

	public static String sign(ECKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code POST /oauth2/token} with {@code client_credentials} and this assertion. */
	public HttpResponse<String> requestToken(String clientId, String assertion, @Nullable String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", clientId);
		form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.put("client_assertion", assertion);
		if (scope != null && !scope.isBlank()) {
			form.put("scope", scope);
		}
		return postForm(HttpClient.newHttpClient(), "/oauth2/token", form);
	}

	/** A new person with this role; the password is random. */
	public Login newPerson(Role role, @Nullable String organisation, @Nullable String subjectRef) {
		String username = "it-" + role.code() + "-" + UUID.randomUUID();
		String password = randomString(24);
		UUID id = this.people.create(username, password, Set.of(role), organisation, subjectRef);
		return new Login(id, username, password);
	}

	/** An access token of a new person with this role. */
	public String person(Role role, @Nullable String organisation) {
		return person(role, organisation, null);
	}

	/** An access token of a new person with this role and subject pseudonym. */
	public String person(Role role, @Nullable String organisation, @Nullable String subjectRef) {
		Login login = newPerson(role, organisation, subjectRef);
		return logIn(login.username(), login.password()).tokens().get("access_token").asString();
	}

	/**
	 * Logs in through the authorization server as a browser would: authorization request,
	 * login form with its CSRF token, redirect with the code, token request with the PKCE
	 * code verifier.
	 */
	public CodeFlow logIn(String username, String password) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = randomString(48);
		String state = randomString(12);
		String authorize = "/oauth2/authorize?response_type=code&client_id=ketenpoort-web&scope=openid&state=" + state
				+ "&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge=" + challenge(verifier)
				+ "&code_challenge_method=S256";
		HttpResponse<String> toLogin = get(browser, uri(authorize));
		HttpResponse<String> loginPage = get(browser, location(toLogin));
		Matcher csrf = CSRF.matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF token: " + loginPage.body());
		}
		HttpResponse<String> loggedIn = postForm(browser, "/login",
				Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
		if (location(loggedIn).getPath().equals("/login")) {
			// refused: back to the login form, no code
			return new CodeFlow(toLogin, loginPage, loggedIn, location(loggedIn), state, verifier, null, null);
		}
		HttpResponse<String> withCode = get(browser, location(loggedIn));
		URI callback = location(withCode);
		Map<String, String> query = query(callback);
		HttpResponse<String> token = postForm(browser, "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", query.getOrDefault("code", ""), "redirect_uri",
						REDIRECT_URI, "client_id", "ketenpoort-web", "code_verifier", verifier));
		return new CodeFlow(toLogin, loginPage, loggedIn, callback, state, verifier, token,
				(token.statusCode() == 200) ? json(token) : null);
	}

	/**
	 * The access token of a browser that is logged in already (such as a page session's):
	 * authorization code with PKCE, without the login form again.
	 */
	public String accessToken(HttpClient browser) {
		String verifier = randomString(48);
		String authorize = "/oauth2/authorize?response_type=code&client_id=ketenpoort-web&scope=openid&state="
				+ randomString(12) + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge=" + challenge(verifier)
				+ "&code_challenge_method=S256";
		Map<String, String> query = query(location(get(browser, uri(authorize))));
		HttpResponse<String> token = postForm(browser, "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", query.getOrDefault("code", ""), "redirect_uri",
						REDIRECT_URI, "client_id", "ketenpoort-web", "code_verifier", verifier));
		if (token.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + token.statusCode() + " " + token.body());
		}
		return json(token).get("access_token").asString();
	}

	/** A person's login data; the password exists only in the test. */
	public record Login(UUID id, String username, String password) {
	}

	/** The steps of one login with authorization code and PKCE. */
	public record CodeFlow(HttpResponse<String> redirectToLogin, HttpResponse<String> loginPage,
			HttpResponse<String> afterLogin, URI callback, String state, String codeVerifier,
			@Nullable HttpResponse<String> tokenResponse, @Nullable JsonNode tokens) {

		public Map<String, String> callbackParameters() {
			return query(this.callback);
		}

		@Override
		public JsonNode tokens() {
			if (this.tokens == null) {
				throw new IllegalStateException("No tokens: "
						+ ((this.tokenResponse != null) ? this.tokenResponse.body() : "the login was refused"));
			}
			return this.tokens;
		}

	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + path);
	}

	private HttpResponse<String> postForm(HttpClient client, String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(client,
				HttpRequest.newBuilder(uri(path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(HttpClient client, URI target) {
		return send(client, HttpRequest.newBuilder(target).header("Accept", "text/html"));
	}

	private URI location(HttpResponse<String> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					"Expected a redirect from " + response.uri() + " but got " + response.statusCode()));
		return response.uri().resolve(location);
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

	static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(pair.substring(0, equals),
							java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return parameters;
	}

	private String randomString(int bytes) {
		byte[] buffer = new byte[bytes];
		this.random.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
