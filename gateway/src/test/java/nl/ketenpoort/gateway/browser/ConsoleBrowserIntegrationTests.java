package nl.ketenpoort.gateway.browser;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.BackgroundVerification;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Professionals in a real browser: a case manager records consent on behalf of a status
 * holder, COA sends a document under it, the privacy officer finds that exchange, opens
 * its trail and verifies the chain, and the operator sees partner health. Every page
 * passes axe-core.
 */
class ConsoleBrowserIntegrationTests extends GatewayIntegrationTest {

	private static Browser browser;

	@Autowired
	TestTokens tokens;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

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
	void caseManagerRecordsConsentAndPrivacyOfficerFindsTheExchangeAndVerifiesTheChain() {
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));

		// when: the case manager records consent given with an interpreter
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		browser.logIn(caseManager.username(), caseManager.password());
		browser.open("/console?lang=nl");
		browser.assertAccessible("console home (case manager)");
		browser.screenshot("10-console-case-manager");
		browser.clickAndWait(browser.find(By.cssSelector("nav.console-nav a[href='/console/consents']")));
		browser.assertAccessible("on-behalf consent form");
		browser.find(By.id("vNumber")).sendKeys(vNumber);
		new Select(browser.find(By.id("route"))).selectByValue("handover-coa-municipality:0");
		new Select(browser.find(By.id("language"))).selectByValue("ar");
		browser.find(By.id("method-interpreter")).click();
		browser.find(By.id("reference")).sendKeys("TOLK-2026-042");
		browser.clickAndWait(browser.find(By.id("record")));

		// then
		assertThat(browser.find(By.id("recorded")).isDisplayed()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).doesNotContain(vNumber);
		assertThat(
				this.registry.listForSubject(this.subjects.find(SubjectIdentifiers.parse(vNumber, null)).orElseThrow()))
			.singleElement()
			.satisfies((consent) -> assertThat(consent.method().kind().code()).isEqualTo("on-behalf-interpreter"));
		browser.assertAccessible("on-behalf consent recorded");
		browser.screenshot("11-console-consent-recorded");

		// and: the documents page of that status holder
		browser.open("/console/documents");
		browser.find(By.id("vNumber")).sendKeys(vNumber);
		browser.clickAndWait(browser.find(By.id("show")));
		browser.assertAccessible("documents of a status holder");
		browser.screenshot("12-console-documents");

		// given: COA sends the client profile under that consent
		UUID exchange = submitClientProfile(vNumber);

		// when: the privacy officer of COA searches by V-number and opens the trail
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		browser.logIn(officer.username(), officer.password());
		browser.open("/console?lang=nl");
		browser.assertAccessible("console home (privacy officer)");
		browser.clickAndWait(browser.find(By.cssSelector("nav.console-nav a[href='/console/audit']")));
		browser.assertAccessible("audit search");
		browser.find(By.id("vNumber")).sendKeys(vNumber);
		browser.clickAndWait(browser.find(By.id("search")));

		// then
		assertThat(browser.find(By.id("results")).getText()).contains(exchange.toString());
		browser.assertAccessible("audit search results");
		browser.screenshot("13-console-audit-results");
		browser.clickAndWait(browser.find(By.cssSelector("a[href='/console/audit/exchanges/" + exchange + "']")));
		assertThat(browser.find(By.id("exchange-id")).getText()).isEqualTo(exchange.toString());
		assertThat(browser.find(By.id("trail")).getText()).contains("accepted");
		browser.assertAccessible("exchange trail");
		browser.screenshot("14-console-trail");

		// when: verification runs
		browser.open("/console/audit");
		browser.clickAndWait(browser.find(By.id("verify")));
		// it runs in the background: its page shows how far it is until it is done
		assertThat(browser.driver().getCurrentUrl()).contains("/console/audit/verify/");
		BackgroundVerification.awaitFinished(() -> browser.findAll(By.id("verify-refresh")), (refresh) -> {
			if (refresh.isEmpty()) {
				return false;
			}
			browser.assertAccessible("chain verification in progress");
			browser.clickAndWait(refresh.get(0));
			return true;
		});

		// then
		assertThat(browser.find(By.id("verify-result")).getAttribute("class")).isEqualTo("result-intact");
		browser.assertAccessible("chain verification");
		browser.screenshot("15-console-verified");
		browser.open("/console/audit/overview");
		browser.assertAccessible("per-purpose overview");
		browser.screenshot("16-console-overview");

		// and: the operator's page, also in a right-to-left language
		TestTokens.Login operator = this.tokens.newPerson(Role.OPERATOR, "ketenpoort", null);
		browser.logIn(operator.username(), operator.password());
		browser.open("/console/operations?lang=fa");
		assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
		assertThat(browser.find(By.id("partner-health")).getText()).contains("TVS (COA)");
		browser.assertAccessible("operations (fa)");
		browser.screenshot("17-console-operations-fa");
		browser.zoomTo200Percent();
		assertThat(browser.scrollsSideways()).isFalse();
		browser.zoomTo100Percent();
	}

	private UUID submitClientProfile(String vNumber) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), vNumber));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return UUID.fromString(json(response).get("id").asString());
	}

}
