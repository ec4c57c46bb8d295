package nl.ketenpoort.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.internal.LoginKeys;
import nl.ketenpoort.gateway.identity.internal.Refusals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused requests are audited without flooding the audit chain: a 403, and a 401 that
 * carried a token, one by one with a bounded reason; 401s without any credentials counted
 * in a metric and audited once a minute per client address with their number. The client
 * address appears only as its HMAC pseudonym; the token and the path never.
 */
class RefusalAuditingIntegrationTests extends GatewayIntegrationTest {

	private static final String JSON_ONLY = "application/json";

	private static final String ATTACKER_TEXT = "attacker-chosen-text";

	@Autowired
	Refusals refusals;

	@Autowired
	LoginKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	/** The end of the audit chain before the test: the scan looks only past it. */
	private long head;

	@BeforeEach
	void rememberTheHead() {
		this.fixtures.chained();
		this.head = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void twentyRefusalsWithoutCredentialsFromOneAddressAreAuditedOnceWithTheirCount() {
		// given
		String address = "127.0.77.20";
		double counted = this.meters.counter(Refusals.UNAUTHENTICATED).count();

		// when
		for (int i = 0; i < 20; i++) {
			LoginForm.Answer answer = request(address, "/api/v1/inbox/" + ATTACKER_TEXT + i, null);
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.header("content-type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		List<String> withinTheMinute = rows(address);
		this.refusals.summarise(Instant.now().plus(Duration.ofSeconds(61)));

		// then
		assertThat(withinTheMinute).isEmpty();
		assertThat(rows(address)).containsExactly("requests-refused REFUSED NO_CREDENTIALS_COUNT_20 client");
		assertThat(this.meters.counter(Refusals.UNAUTHENTICATED).count()).isEqualTo(counted + 20);
		assertNothingTheCallerChoseIsRecorded(address);
	}

	@Test
	void everyRefusedTokenIsAuditedOnItsOwn() {
		// given
		String address = "127.0.77.21";

		// when
		for (int i = 0; i < 3; i++) {
			LoginForm.Answer answer = request(address, "/api/v1/inbox?q=" + ATTACKER_TEXT,
					"Bearer eyJhbGciOiJFUzI1NiJ9." + ATTACKER_TEXT + ".c2ln");
			assertThat(answer.status()).isEqualTo(401);
		}
		LoginForm.Answer basic = request(address, "/api/v1/audit/events", "Basic " + ATTACKER_TEXT);

		// then
		assertThat(basic.status()).isEqualTo(401);
		assertThat(rows(address)).containsExactly("credentials-refused REFUSED TOKEN_INVALID client",
				"credentials-refused REFUSED TOKEN_INVALID client", "credentials-refused REFUSED TOKEN_INVALID client",
				"credentials-refused REFUSED CREDENTIALS_UNSUPPORTED client");
		assertNothingTheCallerChoseIsRecorded(address);
	}

	@Test
	void everyForbiddenRequestIsAuditedOnItsOwnWithItsCaller() {
		// given a case manager's token, which has no business in a partner's inbox
		String address = "127.0.77.22";
		TestTokens.Login login = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		String token = this.tokens.logIn(login.username(), login.password()).tokens().get("access_token").asString();

		// when
		for (int i = 0; i < 2; i++) {
			assertThat(request(address, "/api/v1/inbox/" + ATTACKER_TEXT, "Bearer " + token).status()).isEqualTo(403);
		}

		// then
		this.fixtures.chained();
		assertThat(this.jdbc
			.sql("SELECT event_type || ' ' || reason_code || ' ' || actor_role || ' ' || actor_organisation"
					+ " FROM audit_event WHERE actor_id = ? AND event_type = 'access-denied' ORDER BY position")
			.param(login.id().toString())
			.query(String.class)
			.list()).containsExactly("access-denied ROLE_NOT_ALLOWED CASE_MANAGER coa",
					"access-denied ROLE_NOT_ALLOWED CASE_MANAGER coa");
		assertNothingTheCallerChoseIsRecorded(address);
	}

	private LoginForm.Answer request(String address, String path, String authorization) {
		return LoginForm.exchange(this.port, address,
				"GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: " + JSON_ONLY
						+ ((authorization != null) ? "\r\nAuthorization: " + authorization : "") + "\r\n\r\n",
				"");
	}

	private List<String> rows(String address) {
		this.fixtures.chained();
		return this.jdbc
			.sql("SELECT event_type || ' ' || outcome || ' ' || reason_code || ' ' || actor_kind FROM audit_event"
					+ " WHERE actor_id = ? ORDER BY position")
			.param(this.keys.address(address))
			.query(String.class)
			.list();
	}

	private void assertNothingTheCallerChoseIsRecorded(String address) {
		this.fixtures.chained();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event a WHERE position > ?"
					+ " AND (a::text LIKE ? OR a::text LIKE ? OR a::text LIKE ?)")
			.param(this.head)
			.param("%" + ATTACKER_TEXT + "%")
			.param("%" + address + "%")
			.param("%eyJhbGciOiJFUzI1NiJ9%")
			.query(Long.class)
			.single()).isZero();
	}

}
