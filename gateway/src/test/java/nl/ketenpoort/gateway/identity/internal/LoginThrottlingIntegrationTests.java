package nl.ketenpoort.gateway.identity.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.LoginForm;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 6 of issue 17: guessing passwords through the login form is slowed down per
 * account and client address (after 5 failures in 15 minutes the next attempt waits 1 s,
 * doubling up to 30 s), and an account that failed 50 times in an hour from anywhere is
 * locked until an operator unlocks it. Refusals come before the password is checked, and
 * an unknown username is treated exactly like a known one.
 */
class LoginThrottlingIntegrationTests extends GatewayIntegrationTest {

	private static final String HTML = "text/html";

	private static final String JSON_ONLY = "application/json";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSixthAttemptAfterFiveWrongPasswordsMustWait() throws InterruptedException {
		// given
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, null);
		PageSession browser = PageSession.anonymous(this.port);
		browser.get("/login");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(
					browser.post("/login", form(login.username(), "wrong-" + attempt)).headers().firstValue("Location"))
				.as("attempt %d", attempt)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		}

		// when
		var sixth = browser.post("/login", form(login.username(), "wrong-6"));
		var seventh = browser.post("/login", form(login.username(), login.password()));

		// then
		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(sixth.body()).contains("Te veel mislukte pogingen").contains("id=\"password\"");
		assertThat(seventh.statusCode()).as("the right password, too early").isEqualTo(429);

		// and after the wait the right password works
		Thread.sleep(1100);
		var eighth = browser.post("/login", form(login.username(), login.password()));
		assertThat(eighth.statusCode()).isEqualTo(302);
		assertThat(eighth.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("/login"));
	}

	@Test
	void anUnknownUsernameIsThrottledLikeAKnownOneAndClientsThatAreNotBrowsersGetAProblem() {
		// given
		TestTokens.Login known = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		String unknown = "it-nobody-" + UUID.randomUUID();
		LoginForm form = LoginForm.open(this.port);

		// when
		List<LoginForm.Answer> knownAnswers = new ArrayList<>();
		List<LoginForm.Answer> unknownAnswers = new ArrayList<>();
		for (int attempt = 1; attempt <= 6; attempt++) {
			knownAnswers.add(form.post("127.0.0.2", known.username(), "wrong", JSON_ONLY));
		}
		for (int attempt = 1; attempt <= 6; attempt++) {
			unknownAnswers.add(form.post("127.0.0.2", unknown, "wrong", JSON_ONLY));
		}

		// then
		assertThat(knownAnswers).extracting(LoginForm.Answer::status).containsExactly(302, 302, 302, 302, 302, 429);
		assertThat(unknownAnswers).extracting(LoginForm.Answer::status)
			.isEqualTo(knownAnswers.stream().map(LoginForm.Answer::status).toList());
		for (LoginForm.Answer refused : List.of(knownAnswers.get(5), unknownAnswers.get(5))) {
			assertThat(refused.header("content-type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(refused.body()).get("code").asString()).isEqualTo("LOGIN_THROTTLED");
			assertThat(refused.header("retry-after")).hasValue("1");
		}
	}

	@Test
	void fiftyFailuresFromAnywhereLockTheAccountUntilAnOperatorUnlocksIt() {
		// given: 5 failures from each of 10 addresses, none of them slowed down
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, null);
		LoginForm form = LoginForm.open(this.port);
		for (int address = 1; address <= 10; address++) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				assertThat(form.post("127.0.1." + address, login.username(), "wrong", HTML).isWrongPassword())
					.as("address %d, attempt %d", address, attempt)
					.isTrue();
			}
		}

		// when
		LoginForm.Answer locked = form.post("127.0.2.1", login.username(), login.password(), JSON_ONLY);

		// then
		assertThat(locked.status()).isEqualTo(429);
		assertThat(json(locked.body()).get("code").asString()).isEqualTo("LOGIN_LOCKED");
		assertThat(form.post("127.0.2.2", login.username(), login.password(), HTML).body()).contains("geblokkeerd");

		// and the operator unlocks it
		StringWriter output = new StringWriter();
		int exit = command("person", "unlock").run(List.of(login.username()), new PrintWriter(output, true));
		assertThat(exit).as(output.toString()).isZero();
		assertThat(form.post("127.0.2.3", login.username(), login.password(), HTML).isLoggedIn()).isTrue();

		// and the audit log tells what happened, by user id only
		this.fixtures.chained();
		List<String> events = this.jdbc
			.sql("SELECT event_type || ':' || coalesce(reason_code, '') FROM audit_event WHERE actor_id = ?"
					+ " AND event_type LIKE 'login-%' ORDER BY position")
			.param(login.id().toString())
			.query(String.class)
			.list();
		assertThat(events).hasSize(53)
			.startsWith("login-failed:BAD_CREDENTIALS")
			.endsWith("login-failed:BAD_CREDENTIALS", "login-locked:TOO_MANY_FAILURES", "login-unlocked:OPERATOR",
					"login-succeeded:");
		this.fixtures.chained();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE concat_ws(' ', actor_id, reason_code,"
					+ " subject_ref) LIKE ?")
			.param("%" + login.username() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private Command command(String group, String name) {
		return this.context.getBeanProvider(Command.class)
			.stream()
			.filter((command) -> command.group().equals(group) && command.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No command " + group + " " + name));
	}

	private static Map<String, String> form(String username, String password) {
		return Map.of("username", username, "password", password);
	}

	private static tools.jackson.databind.JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
