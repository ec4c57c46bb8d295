package nl.ketenpoort.gateway.identity;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import nl.ketenpoort.gateway.identity.internal.SessionLifetime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login sessions as a browser meets them: a new session id at the login, a cookie that
 * scripts cannot read and other sites cannot ride along on, Secure outside localhost; and
 * a session that ended (idle, or past its lifetime) sends a browser back to the login and
 * answers anything else with a 401 problem document, audited, never a 500.
 */
class SessionsIntegrationTests extends GatewayIntegrationTest {

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSessionIdChangesAtTheLoginAndTheOldOneIsWorthNothing() {
		// given a login page's session
		TestTokens.Login login = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		LoginForm.Answer page = get("127.0.0.1", "/login", null, "text/html");
		String before = sessionId(page);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();

		// when the person logs in with it
		String form = "username=" + encode(login.username()) + "&password=" + encode(login.password()) + "&_csrf="
				+ encode(csrf.group(1));
		LoginForm.Answer loggedIn = LoginForm.exchange(this.port, "127.0.0.1",
				"POST /login HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: text/html\r\nCookie: JSESSIONID="
						+ before + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
						+ form.length() + "\r\n\r\n",
				form);

		// then
		assertThat(loggedIn.isLoggedIn()).as(loggedIn.toString()).isTrue();
		String after = sessionId(loggedIn);
		assertThat(after).isNotEqualTo(before);
		assertThat(get("127.0.0.1", "/console", after, "text/html").status()).isEqualTo(200);
		LoginForm.Answer withOld = get("127.0.0.1", "/console", before, "text/html");
		assertThat(withOld.status()).isEqualTo(302);
		assertThat(withOld.header("location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void theSessionCookieIsHttpOnlyAndLaxAndSecureOutsideLocalhost() {
		// when
		String onLoopback = get("127.0.0.1", "/login", null, "text/html").header("set-cookie").orElseThrow();
		String onAName = LoginForm
			.exchange(this.port, "127.0.0.1",
					"GET /login HTTP/1.0\r\nHost: ketenpoort.example.nl\r\nAccept: text/html\r\n\r\n", "")
			.header("set-cookie")
			.orElseThrow();

		// then
		assertThat(onLoopback).startsWith("JSESSIONID=").contains("; HttpOnly").contains("; SameSite=Lax");
		assertThat(onLoopback).doesNotContain("Secure");
		assertThat(onAName).startsWith("JSESSIONID=")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax");
	}

	@Test
	void theContainerForgetsASessionAfterTheIdleTimeoutOfItsRoles() {
		TestTokens.Login officer = newLogin(Role.PRIVACY_OFFICER, "coa");
		TestTokens.Login holder = newLogin(Role.STATUS_HOLDER, null);
		String staff = sessionOf(PageSession.logIn(this.port, officer.username(), officer.password()));
		String statusHolder = sessionOf(PageSession.logIn(this.port, holder.username(), holder.password()));

		assertThat(session(staff).getMaxInactiveInterval()).isEqualTo(15 * 60);
		assertThat(session(statusHolder).getMaxInactiveInterval()).isEqualTo(30 * 60);
	}

	@Test
	void anIdleSessionSendsABrowserToTheLoginAndAnswersOthersWithAProblem() {
		// given two logged-in sessions, both idle for 16 minutes
		TestTokens.Login login = newLogin(Role.CASE_MANAGER, "coa");
		PageSession browser = PageSession.logIn(this.port, login.username(), login.password());
		PageSession client = PageSession.logIn(this.port, login.username(), login.password());
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		idle(sessionOf(browser), Duration.ofMinutes(16));
		idle(sessionOf(client), Duration.ofMinutes(16));
		long audited = audited("SESSION_EXPIRED");

		// when
		var page = browser.get("/console");
		var api = client.request("GET", "/console", "application/json", "", "");

		// then
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(api).get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(json(api).get("detail").asString()).contains("session has ended");
		assertThat(audited("SESSION_EXPIRED")).as("the 401 is audited, the browser's redirect is not")
			.isEqualTo(audited + 1);
		assertThat(browser.get("/console").statusCode()).as("and it stays ended").isEqualTo(302);
	}

	@Test
	void aBusySessionEndsEightHoursAfterTheLogin() {
		// given
		TestTokens.Login login = newLogin(Role.OPERATOR, null);
		PageSession browser = PageSession.logIn(this.port, login.username(), login.password());
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);
		SessionLifetime.Stamp stamp = stamp(sessionOf(browser));
		Instant loggedIn = Instant.now().minus(Duration.ofHours(8)).minusSeconds(1);
		session(sessionOf(browser)).setAttribute(SessionLifetime.STAMP,
				new SessionLifetime.Stamp(loggedIn, Instant.now(), stamp.idleTimeout()));

		// when
		var page = browser.get("/console");

		// then
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	private TestTokens.Login newLogin(Role role, String organisation) {
		return this.tokens.newPerson(role, organisation, null);
	}

	private long audited(String reason) {
		this.fixtures.chained();
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'credentials-refused' AND reason_code = ?")
			.param(reason)
			.query(Long.class)
			.single();
	}

	private void idle(String sessionId, Duration idle) {
		SessionLifetime.Stamp stamp = stamp(sessionId);
		session(sessionId).setAttribute(SessionLifetime.STAMP,
				new SessionLifetime.Stamp(stamp.loggedInAt(), stamp.lastSeen().minus(idle), stamp.idleTimeout()));
	}

	private SessionLifetime.Stamp stamp(String sessionId) {
		return (SessionLifetime.Stamp) session(sessionId).getAttribute(SessionLifetime.STAMP);
	}

	/**
	 * The session as every node shares it (Spring Session JDBC), to move its stamp back
	 * in time.
	 */
	private StoredSession session(String id) {
		return stored(this.sessions, id);
	}

	private static <S extends Session> StoredSession stored(SessionRepository<S> repository, String id) {
		S session = repository.findById(id);
		assertThat(session).as("session " + id).isNotNull();
		return new StoredSession() {

			@Override
			public int getMaxInactiveInterval() {
				return (int) session.getMaxInactiveInterval().toSeconds();
			}

			@Override
			public Object getAttribute(String name) {
				return session.getAttribute(name);
			}

			@Override
			public void setAttribute(String name, Object value) {
				session.setAttribute(name, value);
				repository.save(session);
			}

		};
	}

	/** The little of a stored session these tests read and change. */
	private interface StoredSession {

		int getMaxInactiveInterval();

		Object getAttribute(String name);

		void setAttribute(String name, Object value);

	}

	private static String sessionOf(PageSession session) {
		List<HttpCookie> cookies = ((java.net.CookieManager) session.browser().cookieHandler().orElseThrow())
			.getCookieStore()
			.get(URI.create("http://127.0.0.1/"));
		return cookies.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private LoginForm.Answer get(String address, String path, String sessionId, String accept) {
		return LoginForm
			.exchange(
					this.port, address, "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: "
							+ accept + ((sessionId != null) ? "\r\nCookie: JSESSIONID=" + sessionId : "") + "\r\n\r\n",
					"");
	}

	private static String sessionId(LoginForm.Answer answer) {
		Matcher matcher = SESSION.matcher(answer.header("set-cookie")
			.orElseThrow(() -> new AssertionError("no session cookie: " + answer.status() + " " + answer.headers())));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
