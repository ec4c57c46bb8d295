package nl.ketenpoort.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.KetenpoortApplication;
import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one database behind one cookie, as behind a load balancer without
 * sticky sessions: a console session made on one node is served by the other, and a
 * logout on either ends it on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	private ConfigurableApplicationContext secondNode;

	private int secondPort;

	@BeforeAll
	void startSecondNode() throws Exception {
		// The shared gateway's own database and secrets; no port of its own but HTTP.
		DatabaseConnection database = DatabaseConnection.read(dataDir()).orElseThrow();
		this.secondPort = freePort();
		Path intake = Files.createTempDirectory("ketenpoort-node2-intake");
		this.secondNode = new SpringApplicationBuilder(KetenpoortApplication.class).run(
				"--server.port=" + this.secondPort, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.flyway.user=" + database.adminUsername(),
				"--spring.flyway.password=" + database.adminPassword(), "--ketenpoort.data-dir=" + dataDir(),
				"--ketenpoort.delivery.enabled=false", "--ketenpoort.identity.mtls.port=",
				"--ketenpoort.adapters.tvs-intake.directory=" + intake);
	}

	@AfterAll
	void stopSecondNode() {
		if (this.secondNode != null) {
			this.secondNode.close();
		}
	}

	@Test
	void aConsoleSessionMadeOnOneNodeIsServedByTheOther() {
		// given a case manager logged in on the first node
		TestTokens.Login login = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession first = PageSession.logIn(this.port, login.username(), login.password());
		assertThat(first.get("/console").statusCode()).isEqualTo(200);

		// when the same browser reaches the second node
		PageSession second = first.on(this.secondPort);
		var page = second.get("/console");

		// then it is the same session there
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("logout");
		assertThat(PageSession.anonymous(this.secondPort).get("/console").statusCode())
			.as("a browser without the cookie is sent to the login")
			.isEqualTo(302);
	}

	@Test
	void aLogoutOnOneNodeEndsTheSessionOnTheOther() {
		// given
		TestTokens.Login login = this.tokens.newPerson(Role.OPERATOR, null, null);
		PageSession first = PageSession.logIn(this.port, login.username(), login.password());
		PageSession second = first.on(this.secondPort);
		assertThat(second.get("/console").statusCode()).isEqualTo(200);

		// when
		var logout = second.post("/logout", Map.of());

		// then
		assertThat(logout.statusCode()).isEqualTo(302);
		var page = first.get("/console");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

}
