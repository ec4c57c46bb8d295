package nl.ketenpoort.gateway.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's OpenID providers: started before the gateway on 127.0.0.1, the gateway's
 * federation settings pointing at them, their login page offering the demo usernames, and
 * staff of COA, the municipality and VWN signing in through them into the console. (A
 * status holder's sign-in through the demo broker is in {@link DemoDataIntegrationTests},
 * after the seeding that joins the BSNs.)
 */
class DemoIdentityProvidersIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void theProvidersRunOnLoopbackAndTheGatewayIsConfiguredForThem() {
		// then: the settings came from the demo providers, all four on 127.0.0.1
		assertThat(this.environment.getPropertySources().contains(DemoIdentityProviders.PROPERTY_SOURCE)).isTrue();
		for (String property : new String[] { "ketenpoort.identity.organisations.coa.issuer-uri",
				"ketenpoort.identity.organisations.amsterdam.issuer-uri",
				"ketenpoort.identity.organisations.vwn.issuer-uri", "ketenpoort.identity.broker.issuer-uri" }) {
			String issuer = this.environment.getProperty(property);
			assertThat(issuer).as(property).startsWith("http://127.0.0.1:");
			// a real provider: its discovery document names its own issuer
			HttpResponse<String> discovery = send(
					HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")));
			assertThat(discovery.statusCode()).isEqualTo(200);
			assertThat(json(discovery).get("issuer").asString()).isEqualTo(issuer);
		}
		assertThat(this.environment.getProperty("ketenpoort.identity.organisations.coa.client-authentication"))
			.isNull();
	}

	@Test
	void aCoaCaseManagerSignsInAtTheDemoProviderAndReachesTheConsole() {
		// given
		DemoProviderSession browser = new DemoProviderSession(this.port);

		// when: "casemanager" is picked on COA's login page
		HttpResponse<String> callback = browser.signIn("coa", "casemanager");

		// then: the page offered the demo usernames, and the sign-in lands in the console
		assertThat(browser.loginPage.body()).contains("value=\"casemanager\"").doesNotContain("999993");
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(DemoProviderSession.location(callback).getPath()).isEqualTo("/console");
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		assertThat(browser.get("/console/consents").statusCode()).isEqualTo(200);
		assertThat(browser.get("/portal").statusCode()).isEqualTo(403);
	}

	@Test
	void theMunicipalityAndVwnSignInThroughTheirOwnDemoProviders() {
		for (String[] login : new String[][] { { "amsterdam", "klantmanager" }, { "vwn", "begeleider" } }) {
			DemoProviderSession browser = new DemoProviderSession(this.port);

			HttpResponse<String> callback = browser.signIn(login[0], login[1]);

			assertThat(callback.statusCode()).as(login[0] + ": " + callback.body()).isEqualTo(302);
			assertThat(DemoProviderSession.location(callback).getPath()).isEqualTo("/console");
			assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void coasProviderNamingTheMunicipalityAndAnUnknownUsernameAreRefused() {
		for (String username : new String[] { "wrong-organisation", "klantmanager" }) {
			DemoProviderSession browser = new DemoProviderSession(this.port);

			HttpResponse<String> callback = browser.signIn("coa", username);

			assertThat(callback.statusCode()).as(username).isEqualTo(403);
			assertThat(browser.get("/console").statusCode()).as(username).isEqualTo(302);
		}
	}

}
