package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import nl.ketenpoort.gateway.demo.DemoLogins.Login;
import nl.ketenpoort.gateway.demo.DemoLogins.Provider;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo's OpenID providers: one real mock-oauth2-server on 127.0.0.1 serving an issuer
 * each for COA, the municipality of Amsterdam, VluchtelingenWerk and a DigiD broker, with
 * {@code ketenpoort.demo.identity-providers.enabled=true} (the demo profile sets it).
 * <p>
 * An environment post-processor rather than a bean: the gateway's federation settings
 * ({@code ketenpoort.identity.organisations.*}, {@code ketenpoort.identity.broker.*})
 * must name the providers' addresses before any bean binds them, and the port is only
 * known once the server listens. The settings are added as the lowest-priority property
 * source, so that configured values still win. Each provider's login page takes a
 * username of {@link DemoLogins}, which stands for fixed claims.
 */
class DemoIdentityProviders implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "ketenpoort.demo.identity-providers.enabled";

	static final String PORT = "ketenpoort.demo.identity-providers.port";

	static final String PROPERTY_SOURCE = "demoIdentityProviders";

	/** Deferred: logging is set up after the environment is prepared. */
	private final Log log;

	/** How long the demo providers' tokens live: long enough for a demo, no longer. */
	private static final long TOKEN_EXPIRY_SECONDS = 300;

	DemoIdentityProviders(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoIdentityProviders.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		MockOAuth2Server server = start(environment.getProperty(PORT, Integer.class, 0));
		application.addListeners(new Shutdown(server));
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, settings(server)));
		this.log.info("The demo's OpenID providers (COA, Amsterdam, VluchtelingenWerk, DigiD broker) listen at "
				+ "http://127.0.0.1:" + server.baseUrl().port());
	}

	@Override
	public int getOrder() {
		// After the configuration files, which say whether the demo profile wants them.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	/** The gateway's settings for the demo providers. */
	static Map<String, Object> settings(MockOAuth2Server server) {
		Map<String, Object> settings = new LinkedHashMap<>();
		String coa = "ketenpoort.identity.organisations.coa.";
		settings.put(coa + "issuer-uri", issuer(server, Provider.COA));
		settings.put(coa + "client-id", Provider.COA.clientId);
		settings.put(coa + "display-name", Provider.COA.displayName);
		settings.put(coa + "organisation-claim", "organisation");
		settings.put(coa + "role-mapping.coa-casemanager", "CASE_MANAGER");
		settings.put(coa + "role-mapping.coa-privacy", "PRIVACY_OFFICER");
		settings.put(coa + "role-mapping.chain-monitor", "PROGRAMME_MANAGER");
		String amsterdam = "ketenpoort.identity.organisations.amsterdam.";
		settings.put(amsterdam + "issuer-uri", issuer(server, Provider.AMSTERDAM));
		settings.put(amsterdam + "client-id", Provider.AMSTERDAM.clientId);
		settings.put(amsterdam + "display-name", Provider.AMSTERDAM.displayName);
		settings.put(amsterdam + "roles-claim", "groups");
		settings.put(amsterdam + "role-mapping.klantmanager", "CLIENT_MANAGER");
		String vwn = "ketenpoort.identity.organisations.vwn.";
		settings.put(vwn + "issuer-uri", issuer(server, Provider.VWN));
		settings.put(vwn + "client-id", Provider.VWN.clientId);
		settings.put(vwn + "display-name", Provider.VWN.displayName);
		settings.put(vwn + "role-mapping.vwn-begeleider", "CASE_MANAGER");
		String broker = "ketenpoort.identity.broker.";
		settings.put(broker + "issuer-uri", issuer(server, Provider.BROKER));
		settings.put(broker + "client-id", Provider.BROKER.clientId);
		settings.put(broker + "display-name", "DigiD");
		return settings;
	}

	/**
	 * The issuer URL of a provider, by address rather than the name {@code localhost}:
	 * the gateway's cookies (on whatever host it is opened at) are never sent to the
	 * providers, and theirs never to it.
	 */
	static String issuer(MockOAuth2Server server, Provider provider) {
		return "http://127.0.0.1:" + server.baseUrl().port() + "/" + provider.issuerId;
	}

	static MockOAuth2Server start(int port) {
		Set<OAuth2TokenCallback> callbacks = new LinkedHashSet<>();
		for (Provider provider : Provider.values()) {
			callbacks.add(callback(provider));
		}
		// Interactive: each provider shows its login page, where a demo username is
		// picked.
		MockOAuth2Server server = new MockOAuth2Server(
				new OAuth2Config(true, loginPage().toString(), null, false, new OAuth2TokenProvider(), callbacks));
		try {
			server.start(InetAddress.getByName("127.0.0.1"), port);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

	/**
	 * The providers' login page (one file for all of them, as mock-oauth2-server takes
	 * it): a button per demo username, by provider, and a field for any other. It posts
	 * back to the authorization request it was shown for.
	 */
	static Path loginPage() {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Demo OpenID provider</title>
				<style>body{font-family:sans-serif;max-width:46em;margin:2em auto}button{margin:.2em;padding:.4em .8em}
				td{padding:.2em .6em;vertical-align:top}</style></head><body>
				<h1>Ketenpoort demo: sign in at a demo OpenID provider</h1>
				<p>A test provider (mock-oauth2-server) of the demo only. Pick the username for the provider you came
				from (its name is in this page's address: /coa, /amsterdam, /vwn or /digid); each stands for fixed
				claims. A username of another provider gets a token without roles or BSN, which Ketenpoort refuses.</p>
				<form method="post">
				""");
		for (Provider provider : Provider.values()) {
			html.append("<h2>")
				.append(escape(provider.displayName))
				.append(" (/")
				.append(provider.issuerId)
				.append(")</h2><table>\n");
			for (Login login : DemoLogins.all()) {
				if (login.provider() == provider) {
					html.append("<tr><td><button type=\"submit\" name=\"username\" value=\"")
						.append(escape(login.username()))
						.append("\">")
						.append(escape(login.username()))
						.append("</button></td><td>")
						.append(escape(login.shows()))
						.append("</td></tr>\n");
				}
			}
			html.append("</table>\n");
		}
		html.append("""
				</form>
				<h2>Any other username</h2>
				<form method="post"><input type="text" name="username" required placeholder="username">
				<button type="submit">Sign in</button></form>
				</body></html>
				""");
		try {
			Path page = Files.createTempFile("ketenpoort-demo-login-", ".html");
			page.toFile().deleteOnExit();
			Files.writeString(page, html, StandardCharsets.UTF_8);
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	/**
	 * The tokens of one issuer: the login page's username picks the claims; any other
	 * username gets a token with no roles (staff) or no BSN (broker), which Ketenpoort
	 * refuses.
	 */
	private static OAuth2TokenCallback callback(Provider provider) {
		List<RequestMapping> mappings = new ArrayList<>();
		for (Login login : DemoLogins.all()) {
			if (login.provider() == provider) {
				Map<String, Object> claims = new LinkedHashMap<>(login.claims());
				claims.put("aud", List.of(provider.clientId));
				mappings.add(new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, login.username(), claims,
						JOSEObjectType.JWT.getType()));
			}
		}
		Map<String, Object> nobody = new LinkedHashMap<>();
		nobody.put("aud", List.of(provider.clientId));
		if (provider == Provider.BROKER) {
			nobody.put("acr", DemoLogins.SUBSTANTIAL);
		}
		mappings.add(new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, "*", nobody,
				JOSEObjectType.JWT.getType()));
		return new RequestMappingTokenCallback(provider.issuerId, mappings, TOKEN_EXPIRY_SECONDS);
	}

	/** Stops the providers with the application. */
	private record Shutdown(MockOAuth2Server server) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.server.shutdown();
		}

	}

}
