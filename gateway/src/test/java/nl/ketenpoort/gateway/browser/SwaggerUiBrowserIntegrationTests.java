package nl.ketenpoort.gateway.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.client.KetenpoortClient;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner developer in Swagger UI: a token from {@code ketenpoort-client}, pasted under
 * Authorize (the bearer scheme), and {@code POST /exchanges} tried out from the page gets
 * {@code 202}.
 */
class SwaggerUiBrowserIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTokenPastedUnderAuthorizeSubmitsAnExchangeFromSwaggerUi() throws Exception {
		// given a token as a partner gets it, and a status holder who consented
		String token = KetenpoortClient
			.connect(URI.create("http://localhost:" + this.port), "tvs", this.tokens.partnerKey("tvs"),
					Set.of("exchange:send:client-profile"))
			.accessToken();
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		ObjectNode submission = JSON.createObjectNode()
			.put("documentType", "client-profile")
			.put("purpose", "handover-coa-municipality")
			.put("recipient", "raak");
		submission.putObject("subject").put("vNumber", holder.vNumber());
		submission.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), holder.vNumber()));

		try (Browser browser = Browser.start(this.port)) {
			// when: Authorize, paste the token under the bearer scheme
			browser.open("/swagger-ui.html");
			WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
			wait.until((driver) -> !driver.findElements(By.cssSelector("button.authorize")).isEmpty());
			browser.find(By.cssSelector("button.authorize")).click();
			wait.until((
					driver) -> !driver.findElements(By.cssSelector("input[aria-label='auth-bearer-value']")).isEmpty());
			browser.find(By.cssSelector("input[aria-label='auth-bearer-value']")).sendKeys(token);
			WebElement bearerForm = browser.find(By.xpath("//input[@aria-label='auth-bearer-value']/ancestor::form"));
			bearerForm.findElement(By.cssSelector("button[type=submit]")).click();
			browser.find(By.cssSelector("button.btn-done")).click();

			// and try out POST /exchanges with the submission
			WebElement operation = browser.find(By.id("operations-Exchanges-submit"));
			operation.findElement(By.cssSelector(".opblock-summary")).click();
			wait.until((driver) -> !operation.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
			operation.findElement(By.cssSelector("button.try-out__btn")).click();
			WebElement key = operation.findElement(By.cssSelector("tr[data-param-name='Idempotency-Key'] input"));
			key.sendKeys(UUID.randomUUID().toString());
			WebElement body = operation.findElement(By.cssSelector("textarea.body-param__text"));
			// Set as a paste would: typing a whole document key by key into Swagger UI's
			// editor re-renders it at every key.
			((JavascriptExecutor) browser.driver()).executeScript("const area = arguments[0];"
					+ "Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set"
					+ ".call(area, arguments[1]);" + "area.dispatchEvent(new Event('input', { bubbles: true }));", body,
					JSON.writeValueAsString(submission));
			operation.findElement(By.cssSelector("button.execute")).click();
			wait.until((driver) -> !operation
				.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
				.isEmpty());
			String status = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status"))
				.getText();
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();",
					operation.findElement(By.cssSelector(".live-responses-table")));
			browser.screenshot("swagger-ui-submitted");

			// then
			assertThat(status).startsWith("202");
		}
	}

}
