package nl.ketenpoort.gateway.browser;

import java.util.concurrent.ThreadLocalRandom;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status holder in a real browser: logs in, switches to Arabic (right to left), grants
 * consent, sees it listed and revokes it; every page passes axe-core, works from the
 * keyboard and at 200% zoom.
 */
class PortalBrowserIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	private static Browser browser;

	@Autowired
	TestTokens tokens;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

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
	void statusHolderGrantsAndRevokesConsentInArabic() {
		// given
		SubjectRef subject = this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))));
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, subject.pseudonym());

		// when: log in and open the portal in Dutch
		browser.open("/login");
		browser.assertAccessible("login");
		browser.screenshot("00-login");
		browser.logIn(login.username(), login.password());
		browser.open("/portal?lang=nl");

		// then
		assertThat(browser.htmlAttribute("lang")).isEqualTo("nl");
		assertThat(browser.htmlAttribute("dir")).isEqualTo("ltr");
		browser.assertAccessible("portal (nl)");
		browser.screenshot("01-portal-nl");

		// when: switch to Arabic with the language switcher
		browser.clickAndWait(browser.find(By.cssSelector("nav.languages a[lang=ar]")));

		// then
		assertThat(browser.htmlAttribute("lang")).isEqualTo("ar");
		assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
		assertThat(browser.find(By.id("purpose-" + PURPOSE)).getText())
			.isEqualTo(this.catalogue.get(PURPOSE).text("ar").title());
		assertThat(browser.find(By.className("draft-notice")).isDisplayed()).isTrue();
		browser.assertAccessible("portal (ar)");
		browser.screenshot("02-portal-ar");

		// when: grant consent for the purpose
		browser.clickAndWait(browser.find(By.id("grant-" + PURPOSE)));

		// then: listed as active, in Arabic still
		assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
		WebElement active = browser.find(By.id("consents-active"));
		assertThat(active.getText()).contains(this.catalogue.get(PURPOSE).text("ar").title());
		assertThat(this.registry.listForSubject(subject)).singleElement()
			.satisfies((consent) -> assertThat(consent.language()).isEqualTo("ar"));
		browser.assertAccessible("portal after grant (ar)");
		browser.screenshot("03-portal-ar-granted");

		// when: revoke it
		browser.clickAndWait(active.findElement(By.cssSelector("button[id^=revoke-]")));

		// then
		assertThat(browser.find(By.id("consents-revoked")).getText())
			.contains(this.catalogue.get(PURPOSE).text("ar").title());
		assertThat(browser.findAll(By.id("consents-active"))).isEmpty();
		assertThat(this.registry.listForSubject(subject)).singleElement()
			.satisfies((consent) -> assertThat(consent.status()).isEqualTo(ConsentStatus.REVOKED));
		browser.assertAccessible("portal after revoke (ar)");
		browser.screenshot("04-portal-ar-revoked");
	}

	@Test
	void portalWorksWithTheKeyboardAndAt200PercentZoom() {
		// given
		SubjectRef subject = this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))));
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, subject.pseudonym());
		browser.logIn(login.username(), login.password());

		for (String language : new String[] { "nl", "ti", "fa", "bo", "tr", "en" }) {
			// when
			browser.open("/portal?lang=" + language);
			browser.zoomTo200Percent();

			// then
			assertThat(browser.scrollsSideways()).as("sideways scrolling at 200%% in %s", language).isFalse();
			browser.assertAccessible("portal (" + language + ", 200%)");
			browser.zoomTo100Percent();
		}
		browser.screenshot("05-portal-en");

		// when: the first Tab reaches the skip link, Enter moves to the content
		browser.open("/portal?lang=nl");
		browser.press(Keys.TAB);
		assertThat(browser.activeElement().get("cls")).isEqualTo("skip-link");
		browser.press(Keys.ENTER);

		// then: tabbing on from the content reaches the first grant button by keyboard
		assertThat(browser.activeElement().get("id")).isEqualTo("main");
		browser.press(Keys.TAB);
		assertThat(browser.activeElement().get("id")).asString().startsWith("grant-");
		browser.pressAndWait(Keys.ENTER);
		assertThat(browser.find(By.id("consents-active")).isDisplayed()).isTrue();
	}

}
