package nl.ketenpoort.gateway.browser;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.federation.TestProviders;
import nl.ketenpoort.schemas.DocumentType;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People who sign in at upstream OpenID providers, in a real browser: a COA case manager
 * at COA's provider records a paper consent; a status holder through the DigiD broker
 * revokes a consent in Tigrinya and logs out, which ends the broker's session too. The
 * providers are the real ones on loopback of {@link TestProviders}.
 */
class FederatedBrowserIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	private static Browser browser;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = Browser.start(this.port);
		}
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void caseManagerSignsInAtCoasProviderAndRecordsAPaperConsent() {
		// given
		String sub = "coa-browser-" + UUID.randomUUID();
		TestProviders.nextLogin("coa", sub, Map.of("roles", List.of("coa-casemanager"), "organisation", "coa"));
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		browser.driver().manage().deleteAllCookies();
		browser.open("/login?lang=nl");
		browser.assertAccessible("login with providers");
		browser.screenshot("30-login-providers");

		// when: sign in at COA's provider
		browser.clickAndWait(browser.find(By.cssSelector("a[href='/oauth2/authorization/coa']")));

		// then: in the console
		assertThat(browser.driver().getCurrentUrl()).endsWith("/console");
		browser.assertAccessible("console after signing in at COA");

		// when: record consent given on a signed paper form
		browser.clickAndWait(browser.find(By.cssSelector("nav.console-nav a[href='/console/consents']")));
		browser.find(By.id("vNumber")).sendKeys(vNumber);
		new Select(browser.find(By.id("route"))).selectByValue("handover-coa-municipality:0");
		new Select(browser.find(By.id("language"))).selectByValue("ti");
		browser.find(By.id("method-paper")).click();
		browser.find(By.id("reference")).sendKeys("FORM-2026-117");
		browser.clickAndWait(browser.find(By.id("record")));

		// then: recorded by the account of this sign-in
		assertThat(browser.find(By.id("recorded")).isDisplayed()).isTrue();
		String account = JdbcClient.create(this.dataSource)
			.sql("SELECT id::text FROM identity_person WHERE provider_subject = ?")
			.param(sub)
			.query(String.class)
			.single();
		assertThat(
				this.registry.listForSubject(this.subjects.find(SubjectIdentifiers.parse(vNumber, null)).orElseThrow()))
			.singleElement()
			.satisfies((consent) -> {
				assertThat(consent.method().kind().code()).isEqualTo("on-behalf-paper");
				assertThat(consent.method().recordedBy()).isEqualTo(account);
			});
		browser.screenshot("31-console-paper-consent-recorded");
	}

	@Test
	void statusHolderSignsInThroughTheBrokerRevokesAConsentInTigrinyaAndLogsOutAtBoth() {
		// given: a status holder the registry knows by BSN, with a consent
		String bsn = randomBsn();
		SubjectRef subject = this.subjects.enrol(Bsn.parse(bsn));
		this.registry.grant(
				new GrantRequest(subject, PURPOSE, "tvs", List.of("raak"), List.of(DocumentType.of("client-profile")),
						null, ConsentMethod.portal(), "ti", this.catalogue.text(PURPOSE, "ti").sha256()));
		TestProviders.nextLogin("broker", "pairwise-" + UUID.randomUUID(),
				Map.of("acr", TestProviders.SUBSTANTIAL, "bsn", bsn));
		browser.driver().manage().deleteAllCookies();
		browser.open("/login?lang=ti");
		assertThat(browser.htmlAttribute("lang")).isEqualTo("ti");

		// when: sign in with DigiD
		browser.clickAndWait(browser.find(By.cssSelector("a[href='/oauth2/authorization/broker']")));

		// then: the portal, in Tigrinya
		assertThat(browser.driver().getCurrentUrl()).endsWith("/portal");
		assertThat(browser.htmlAttribute("lang")).isEqualTo("ti");
		assertThat(browser.find(By.id("consents-active")).getText())
			.contains(this.catalogue.get(PURPOSE).text("ti").title());
		browser.assertAccessible("portal after DigiD (ti)");
		browser.screenshot("32-portal-digid-ti");

		// when: revoke the consent
		browser.clickAndWait(browser.find(By.cssSelector("#consents-active button[id^=revoke-]")));

		// then
		assertThat(this.registry.listForSubject(subject)).singleElement()
			.satisfies((consent) -> assertThat(consent.status()).isEqualTo(ConsentStatus.REVOKED));
		browser.screenshot("33-portal-digid-ti-revoked");

		// when: log out
		TestProviders.requests();
		browser.clickAndWait(browser.find(By.cssSelector("form.logout button")));

		// then: the broker ended its session and sent the browser back to the login page
		assertThat(TestProviders.requests()).extracting(RecordedRequest::getPath)
			.anySatisfy((path) -> assertThat(path).startsWith("/broker/endsession")
				.contains("client_id=" + TestProviders.BROKER_CLIENT));
		assertThat(browser.driver().getCurrentUrl()).contains("/login?logout");
		browser.open("/portal");
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
	}

	/** A random BSN that passes the 11-test. */
	private static String randomBsn() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			StringBuilder digits = new StringBuilder();
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				int digit = random.nextInt((i == 0) ? 1 : 0, 10);
				digits.append(digit);
				sum += (9 - i) * digit;
			}
			if (sum % 11 < 10) {
				return digits.append(sum % 11).toString();
			}
		}
	}

}
