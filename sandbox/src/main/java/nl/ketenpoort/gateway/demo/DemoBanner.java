package nl.ketenpoort.gateway.demo;

import java.nio.file.Path;

import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Says where to go once the demo is up: the pages, the API documentation, the sandbox,
 * the file with the demo passwords and the usernames at the demo's OpenID providers.
 */
class DemoBanner {

	private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

	private final Environment environment;

	private final Path credentials;

	DemoBanner(Environment environment, KetenpoortSettings settings) {
		this.environment = environment;
		this.credentials = settings.dataDir().resolve("demo-credentials.txt").toAbsolutePath().normalize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		log.info("""
				Ketenpoort demo is ready.
				  Portal (status holders):          {}/portal
				  Console (staff):                  {}/console
				  Swagger UI:                       {}/swagger-ui.html
				  Sandbox status holders:           {}/sandbox/subjects
				  Sandbox partners:                 {}/sandbox/partners  (…/<id>/received, …/<id>/mode)
				  Demo users and passwords:         {}
				  Walkthrough:                      docs/walkthrough.md{}""", base, base, base, base, base,
				this.credentials, providerLogins(base));
	}

	/**
	 * The demo providers' usernames, by provider; people by name only, never a BSN. Empty
	 * when the demo providers are off.
	 */
	String providerLogins(String base) {
		if (!this.environment.getProperty(DemoIdentityProviders.ENABLED, Boolean.class, false)) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		text.append("\n  Sign in at an OpenID provider:    ")
			.append(base)
			.append("/login, a provider's button (or ")
			.append(base)
			.append("/oauth2/authorization/<coa|amsterdam|vwn|broker>);\n")
			.append("    on the provider's page pick one of these usernames (each stands for fixed claims):");
		for (DemoLogins.Provider provider : DemoLogins.Provider.values()) {
			String issuer = this.environment.getProperty(issuerProperty(provider), "(not configured)");
			text.append("\n    ").append(provider.displayName).append(" at ").append(issuer).append(':');
			for (DemoLogins.Login login : DemoLogins.all()) {
				if (login.provider() == provider) {
					text.append(String.format("%n      %-20s %s", login.username(), login.shows()));
				}
			}
		}
		return text.toString();
	}

	private static String issuerProperty(DemoLogins.Provider provider) {
		return (provider == DemoLogins.Provider.BROKER) ? "ketenpoort.identity.broker.issuer-uri"
				: "ketenpoort.identity.organisations." + provider.registrationId + ".issuer-uri";
	}

}
