import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints an access token of a demo partner, obtained the way a partner system obtains it:
 * a client assertion (RFC 7523) signed ES256 with the partner's private key, exchanged at
 * {@code POST /oauth2/token} for a token ({@code client_credentials},
 * {@code private_key_jwt}). Plain JDK, no libraries:
 *
 * <pre>
 * java docs/examples/PartnerToken.java tvs                 # every scope tvs may have
 * java docs/examples/PartnerToken.java raak exchange:send:trajectory-plan
 * </pre>
 *
 * The key is read from {@code $KETENPOORT_DATA_DIR/keys/partners/<id>.jwk} (default
 * {@code ./data}); the gateway from {@code $KETENPOORT_URL} (default
 * {@code http://localhost:8080}).
 */
public class PartnerToken {

	/** The scopes of each demo partner, as partners.yaml grants them. */
	static final Map<String, List<String>> SCOPES = Map.of(
			"tvs", List.of("exchange:send:client-profile", "exchange:send:nt2-learner-profile",
					"exchange:receive:handover-notice"),
			"raak", List.of("exchange:send:trajectory-plan", "exchange:send:opstartklas-report",
					"exchange:send:handover-notice", "exchange:receive:client-profile",
					"exchange:receive:handover-notice"),
			"vvs", List.of("exchange:send:handover-notice", "exchange:receive:client-profile",
					"exchange:receive:trajectory-plan"),
			"opstartklas", List.of("exchange:send:opstartklas-report", "exchange:send:handover-notice",
					"exchange:receive:nt2-learner-profile", "exchange:receive:handover-notice"),
			"taalschool-a", List.of("exchange:send:handover-notice", "exchange:receive:nt2-learner-profile",
					"exchange:receive:opstartklas-report"),
			"taalschool-b", List.of("exchange:send:handover-notice", "exchange:receive:nt2-learner-profile",
					"exchange:receive:opstartklas-report"));

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: java docs/examples/PartnerToken.java <partner id> [scope ...]");
			System.exit(2);
		}
		String partner = args[0];
		List<String> scopes = new ArrayList<>(List.of(args).subList(1, args.length));
		if (scopes.isEmpty()) {
			scopes.addAll(SCOPES.getOrDefault(partner, List.of()));
		}
		String gateway = env("KETENPOORT_URL", "http://localhost:8080");
		Path keyFile = Path.of(env("KETENPOORT_DATA_DIR", "data"), "keys", "partners", partner + ".jwk");
		String jwk = Files.readString(keyFile);
		String tokenEndpoint = gateway + "/oauth2/token";

		long now = System.currentTimeMillis() / 1000;
		String header = "{\"alg\":\"ES256\",\"kid\":\"" + member(jwk, "kid") + "\"}";
		String claims = "{\"iss\":\"" + partner + "\",\"sub\":\"" + partner + "\",\"aud\":\"" + tokenEndpoint
				+ "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}";
		String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64(claims.getBytes(StandardCharsets.UTF_8));
		Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
		es256.initSign(privateKey(member(jwk, "d")));
		es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		String assertion = signingInput + "." + base64(es256.sign());

		String form = "grant_type=client_credentials&client_id=" + encode(partner) + "&client_assertion_type="
				+ encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion="
				+ encode(assertion) + "&scope=" + encode(String.join(" ", scopes));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			System.err.println("No token: " + response.statusCode() + " " + response.body());
			System.exit(1);
		}
		System.out.println(member(response.body(), "access_token"));
	}

	static ECPrivateKey privateKey(String d) throws Exception {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
		BigInteger s = new BigInteger(1, Base64.getUrlDecoder().decode(d));
		return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, p256));
	}

	static String member(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No '" + name + "' in " + json);
		}
		return matcher.group(1);
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
