package nl.ketenpoort.gateway.browser;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import nl.ketenpoort.client.Answer;
import nl.ketenpoort.client.KetenpoortClient;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.partner.DemoPartnerKeyFiles;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32's partner developer on the demo line (the sandbox module's shared gateway:
 * sandbox partners, demo OpenID providers): TVS's demo key file from the data directory,
 * a token from {@code ketenpoort-client}, pasted under Swagger UI's Authorize (the bearer
 * scheme), and {@code POST /exchanges} tried out from the page with Amira's client
 * profile gets {@code 202}; the exchange is there for TVS to read.
 */
class DemoSwaggerUiBrowserIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	Partners partners;

	@Autowired
	PartnerKeys partnerKeys;

	@Autowired
	KetenpoortSettings settings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private Path keyFile;

	@AfterEach
	void noKeyLeftBehind() throws Exception {
		// The other tests of this module write TVS's key file themselves.
		if (this.keyFile != null) {
			Files.deleteIfExists(this.keyFile);
		}
	}

	@Test
	void aDemoPartnersTokenPastedUnderAuthorizeSubmitsAClientProfileFromSwaggerUi() throws Exception {
		// given: TVS's demo key where the demo keeps it, a token for it from the client,
		// and a status holder who consented in the portal to the handover to the
		// municipality (Amira of the demo, under a V-number of this test)
		this.keyFile = DemoPartnerKeyFiles.prepare(this.partners, this.partnerKeys, this.settings, "tvs");
		KetenpoortClient tvs = KetenpoortClient.connect(URI.create("http://127.0.0.1:" + this.port), "tvs",
				JWK.parse(Files.readString(this.keyFile)), Set.of("exchange:send:client-profile"));
		String token = tvs.accessToken();
		Fixtures.StatusHolder amira = this.fixtures.newStatusHolder();
		this.fixtures.grant(amira.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		String submission = JSON.writeValueAsString(clientProfileAbout(amira.vNumber()));
		String idempotencyKey = "swagger-ui-" + UUID.randomUUID();

		try (Browser browser = Browser.start(this.port)) {
			// when: Authorize, the token pasted under the bearer scheme
			browser.open("/swagger-ui.html");
			// Polled often: each step waits for Swagger UI's rendering, not for a fixed
			// time.
			WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(100));
			wait.until((driver) -> !driver.findElements(By.cssSelector("button.authorize")).isEmpty());
			browser.find(By.cssSelector("button.authorize")).click();
			wait.until((
					driver) -> !driver.findElements(By.cssSelector("input[aria-label='auth-bearer-value']")).isEmpty());
			browser.find(By.cssSelector("input[aria-label='auth-bearer-value']")).sendKeys(token);
			WebElement bearerForm = browser.find(By.xpath("//input[@aria-label='auth-bearer-value']/ancestor::form"));
			bearerForm.findElement(By.cssSelector("button[type=submit]")).click();
			browser.find(By.cssSelector("button.btn-done")).click();

			// and POST /exchanges tried out with the submission
			WebElement operation = browser.find(By.id("operations-Exchanges-submit"));
			operation.findElement(By.cssSelector(".opblock-summary")).click();
			wait.until((driver) -> !operation.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
			operation.findElement(By.cssSelector("button.try-out__btn")).click();
			operation.findElement(By.cssSelector("tr[data-param-name='Idempotency-Key'] input"))
				.sendKeys(idempotencyKey);
			WebElement body = operation.findElement(By.cssSelector("textarea.body-param__text"));
			// Set as a paste would: typed key by key, Swagger UI's editor re-renders the
			// whole document at every key.
			((JavascriptExecutor) browser.driver()).executeScript("const area = arguments[0];"
					+ "Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set"
					+ ".call(area, arguments[1]);" + "area.dispatchEvent(new Event('input', { bubbles: true }));", body,
					submission);
			operation.findElement(By.cssSelector("button.execute")).click();
			wait.until((driver) -> !operation
				.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
				.isEmpty());
			String status = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status"))
				.getText();
			String shown = operation
				.findElement(By.cssSelector(".live-responses-table tbody .response-col_description"))
				.getText();
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();",
					operation.findElement(By.cssSelector(".live-responses-table")));
			browser.screenshot("demo-swagger-ui-submitted");

			// then: Swagger UI shows 202 and the new exchange, which TVS can read
			assertThat(status).as(shown).startsWith("202");
			String id = this.jdbc.sql("SELECT id::text FROM exchange WHERE sender = 'tvs' AND idempotency_key = ?")
				.param(idempotencyKey)
				.query(String.class)
				.single();
			assertThat(shown).contains(id);
			Answer read = tvs.exchange(id);
			assertThat(read.status()).as(read.body()).isEqualTo(200);
			assertThat(read.body()).contains("\"documentType\":\"client-profile\"", "\"recipient\":\"raak\"");
		}
	}

	/**
	 * Amira's client profile from the schema examples (the demo's own document), about
	 * the status holder named in {@code subject}.
	 */
	private static ObjectNode clientProfileAbout(String vNumber) throws Exception {
		ObjectNode document;
		try (InputStream in = DemoSwaggerUiBrowserIntegrationTests.class.getClassLoader()
			.getResourceAsStream("examples/client-profile/valid/amira-al-khatib-syria.json")) {
			document = (ObjectNode) JSON.readTree(in);
		}
		document.putObject("subject").put("vNumber", vNumber);
		ObjectNode submission = JSON.createObjectNode()
			.put("documentType", "client-profile")
			.put("purpose", "handover-coa-municipality")
			.put("recipient", "raak");
		submission.putObject("subject").put("vNumber", vNumber);
		submission.set("document", document);
		return submission;
	}

}
