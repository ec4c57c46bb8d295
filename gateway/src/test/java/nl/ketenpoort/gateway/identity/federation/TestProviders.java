package nl.ketenpoort.gateway.identity.federation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The upstream OpenID providers of the integration tests: one real mock-oauth2-server on
 * a loopback port, serving an issuer per path ({@code /coa}, {@code /amsterdam},
 * {@code /broker}), started once for the shared gateway; plus VWN's provider, configured
 * at a port nothing listens on (a provider that is down). A test says who signs in next
 * at an issuer with {@link #nextLogin}; every request the providers received can be taken
 * with {@link #requests()}.
 */
public final class TestProviders {

	public static final String COA_CLIENT = "ketenpoort-coa";

	public static final String AMSTERDAM_CLIENT = "ketenpoort-amsterdam";

	public static final String BROKER_CLIENT = "ketenpoort-broker";

	public static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";

	private static final Map<String, Login> NEXT = new ConcurrentHashMap<>();

	private static final Map<String, String> AUDIENCES = Map.of("coa", COA_CLIENT, "amsterdam", AMSTERDAM_CLIENT,
			"broker", BROKER_CLIENT);

	public static final MockOAuth2Server SERVER = start();

	private TestProviders() {
	}

	/** Who signs in at an issuer: the provider's {@code sub} and further claims. */
	public record Login(String subject, Map<String, Object> claims) {

	}

	/**
	 * The next sign-in at this issuer ({@code coa}, {@code amsterdam}, {@code broker}).
	 */
	public static void nextLogin(String issuerId, String subject, Map<String, Object> claims) {
		NEXT.put(issuerId, new Login(subject, claims));
	}

	/** The issuer URL of a path of the test server. */
	public static String issuer(String issuerId) {
		return SERVER.issuerUrl(issuerId).toString();
	}

	/** The settings of the test providers, for the shared gateway. */
	public static void register(DynamicPropertyRegistry registry, int closedPort) {
		String coa = "ketenpoort.identity.organisations.coa.";
		registry.add(coa + "issuer-uri", () -> issuer("coa"));
		registry.add(coa + "client-id", () -> COA_CLIENT);
		registry.add(coa + "organisation-claim", () -> "organisation");
		registry.add(coa + "display-name", () -> "COA");
		registry.add(coa + "role-mapping.coa-casemanager", () -> "CASE_MANAGER");
		registry.add(coa + "role-mapping.coa-privacy", () -> "PRIVACY_OFFICER");
		registry.add(coa + "role-mapping.chain-monitor", () -> "PROGRAMME_MANAGER");
		String amsterdam = "ketenpoort.identity.organisations.amsterdam.";
		registry.add(amsterdam + "issuer-uri", () -> issuer("amsterdam"));
		registry.add(amsterdam + "client-id", () -> AMSTERDAM_CLIENT);
		registry.add(amsterdam + "client-authentication", () -> "client_secret_basic");
		registry.add(amsterdam + "client-secret", () -> "amsterdam-test-secret");
		registry.add(amsterdam + "roles-claim", () -> "groups");
		registry.add(amsterdam + "display-name", () -> "Gemeente Amsterdam");
		registry.add(amsterdam + "role-mapping.klantmanager", () -> "CLIENT_MANAGER");
		// VWN's provider is down: nothing listens on its port.
		String vwn = "ketenpoort.identity.organisations.vwn.";
		registry.add(vwn + "issuer-uri", () -> "http://127.0.0.1:" + closedPort + "/vwn");
		registry.add(vwn + "client-id", () -> "ketenpoort-vwn");
		registry.add(vwn + "display-name", () -> "VluchtelingenWerk");
		registry.add(vwn + "role-mapping.vwn-begeleider", () -> "CASE_MANAGER");
		registry.add("ketenpoort.identity.broker.issuer-uri", () -> issuer("broker"));
		registry.add("ketenpoort.identity.broker.client-id", () -> BROKER_CLIENT);
		// Generous: a first answer of the provider can be slow on a busy machine.
		registry.add("ketenpoort.identity.provider-timeout", () -> "10s");
	}

	/** Every request the providers received since the last call, oldest first. */
	public static List<RecordedRequest> requests() {
		List<RecordedRequest> taken = new ArrayList<>();
		while (true) {
			try {
				taken.add(SERVER.takeRequest(50, TimeUnit.MILLISECONDS));
			}
			catch (RuntimeException ex) {
				return taken;
			}
		}
	}

	private static MockOAuth2Server start() {
		Set<OAuth2TokenCallback> callbacks = Set.of(new NextLogin("coa"), new NextLogin("amsterdam"),
				new NextLogin("broker"));
		MockOAuth2Server server = new MockOAuth2Server(
				new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), callbacks));
		try {
			server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		return server;
	}

	/** The tokens of one issuer: for whoever {@link #nextLogin} named last. */
	private record NextLogin(String issuerId) implements OAuth2TokenCallback {

		@Override
		public String issuerId() {
			return this.issuerId;
		}

		@Override
		public @Nullable String subject(TokenRequest request) {
			Login login = NEXT.get(this.issuerId);
			return (login != null) ? login.subject() : "nobody";
		}

		@Override
		public String typeHeader(TokenRequest request) {
			return JOSEObjectType.JWT.getType();
		}

		@Override
		public List<String> audience(TokenRequest request) {
			return List.of(AUDIENCES.get(this.issuerId));
		}

		@Override
		public Map<String, Object> addClaims(TokenRequest request) {
			Login login = NEXT.get(this.issuerId);
			return (login != null) ? login.claims() : Map.of();
		}

		@Override
		public long tokenExpiry() {
			return 300;
		}

	}

}
