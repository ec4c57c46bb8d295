package nl.ketenpoort.gateway.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.portal.PageSession;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.FAILS;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.FORBIDDEN;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.LOGIN;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.NOT_FOUND;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.OK;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.OWN;
import static nl.ketenpoort.gateway.identity.AccessMatrixIntegrationTests.Outcome.REACHED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: one row per endpoint of the running gateway (method and path
 * pattern, as Spring MVC maps them), one column per {@link Role} plus anonymous, each
 * cell the outcome that caller gets. The table must list exactly the endpoints that
 * exist, and every cell is checked with a real token (API) or a real login session
 * (pages). Where an endpoint shows people's data the cell says {@link Outcome#OWN}: the
 * caller's own data is served, another organisation's (or another status holder's) is
 * refused or left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests extends GatewayIntegrationTest {

	/**
	 * The one endpoint the table leaves out on purpose ({@link UnlistedProbeController},
	 * test-only): the completeness check must report it, and only it, as missing. The
	 * other test-only probes ({@code ActorProbeController},
	 * {@code ProblemProbeController}) are real endpoints of the test context with real
	 * access rules, so they are listed.
	 */
	static final String UNLISTED = "GET /api/v1/test-probe/unlisted";

	/**
	 * The columns: anonymous first, then every role in declaration order. A new role
	 * makes every row of the table too short, and the test fails until each row says what
	 * the new role gets.
	 */
	static final List<@Nullable Role> COLUMNS = Stream.concat(Stream.of((Role) null), Arrays.stream(Role.values()))
		.toList();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestTokens tokens;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	DataSource dataSource;

	/** The data and the logged-in callers, made once for the tests of this class. */
	private @Nullable Fixture fixture;

	private final Map<Role, Caller> callers = new ConcurrentHashMap<>();

	private Fixture fixture() {
		if (this.fixture == null) {
			this.fixture = new Fixture();
		}
		return this.fixture;
	}

	/**
	 * One caller per role, logged in once, in parallel (logging in hashes a password).
	 */
	private Map<Role, Caller> callers(ForkJoinPool pool) throws Exception {
		if (this.callers.isEmpty()) {
			Fixture data = fixture();
			pool.submit(() -> Arrays.stream(Role.values())
				.parallel()
				.forEach((role) -> this.callers.put(role, caller(role, data)))).get();
		}
		return this.callers;
	}

	/** What a caller gets from an endpoint. */
	enum Outcome {

		/** Served: 2xx, or a redirect that is not to the login form. */
		OK,

		/**
		 * Past access control and judged on content (400, 409, 415, 422): the matrix
		 * sends a deliberately incomplete request where a complete one would change
		 * shared state.
		 */
		REACHED,

		/** Not logged in: 401, or a redirect to the login form. */
		LOGIN,

		/** 403. */
		FORBIDDEN,

		/** 404: nothing there that the caller may see. */
		NOT_FOUND,

		/** Fails on purpose (a probe that provokes a 5xx). */
		FAILS,

		/**
		 * Own data only: the caller's own organisation's (or own) data is served; another
		 * organisation's is refused with 403/404, or left out of a list.
		 */
		OWN

	}

	/**
	 * One request of the matrix; {@code shows} and {@code hides} mark a list: the
	 * response must contain the first and must not contain the second.
	 */
	record Probe(String method, String path, String contentType, String body, @Nullable String shows,
			@Nullable String hides) {

		Probe listing(String shows, String hides) {
			return new Probe(this.method, this.path, this.contentType, this.body, shows, hides);
		}

		boolean isListing() {
			return this.shows != null;
		}

	}

	/** Makes the probe for one caller: for their own data, or another organisation's. */
	interface Call {

		Probe probe(Fixture fixture, @Nullable Role role, boolean own);

	}

	/** One row: an endpoint, how to call it, and one outcome per column. */
	record Entry(String endpoint, Call call, List<Outcome> outcomes) {

		Outcome outcome(@Nullable Role role) {
			return this.outcomes.get(COLUMNS.indexOf(role));
		}

	}

	static Entry row(String endpoint, Call call, Outcome... outcomes) {
		return new Entry(endpoint, call, List.of(outcomes));
	}

	// @formatter:off
	/** The table. Columns: anonymous, partner, status holder, case manager, client manager, privacy officer, operator, programme manager. */
	static final List<Entry> MATRIX = List.of(
		// Public by nature
		row("GET /api/v1/purposes", (f, r, own) -> get("/api/v1/purposes?lang=nl"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /api/v1/consents/{id}/status", (f, r, own) -> get("/api/v1/consents/" + f.consent(r, true) + "/status"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /.well-known/consent-jwks.json", (f, r, own) -> get("/.well-known/consent-jwks.json"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /login", (f, r, own) -> get("/login"), OK, OK, OK, OK, OK, OK, OK, OK),
		// Only the login form forwards here with a refusal; asked for directly it leads back to the form
		row("* /login/refused", (f, r, own) -> get("/login/refused"), LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
		// Signing in at upstream providers: the client key is public, the refusal page only forwarded to
		row("GET /oauth2/client-jwks", (f, r, own) -> get("/oauth2/client-jwks"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("* /login/provider-refused", (f, r, own) -> get("/login/provider-refused"), LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
		row("GET /login/no-digid", (f, r, own) -> get("/login/no-digid"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /v3/api-docs", (f, r, own) -> get("/v3/api-docs"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /v3/api-docs.yaml", (f, r, own) -> get("/v3/api-docs.yaml"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /api/v1/openapi.json", (f, r, own) -> get("/api/v1/openapi.json"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /api/v1/openapi.yaml", (f, r, own) -> get("/api/v1/openapi.yaml"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /v3/api-docs/swagger-config", (f, r, own) -> get("/v3/api-docs/swagger-config"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /swagger-ui.html", (f, r, own) -> get("/swagger-ui.html"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("* /error", (f, r, own) -> get("/error"), NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
		// Consents: the status holder's own, a professional's own organisation's routes
		row("POST /api/v1/consents", (f, r, own) -> postJson("/api/v1/consents", f.grant(r, own)), LOGIN, FORBIDDEN, OK, OWN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/consents", (f, r, own) -> get("/api/v1/consents?vNumber=" + f.vNumber), LOGIN, FORBIDDEN, REACHED, REACHED, REACHED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/consents/search", (f, r, own) -> postJson("/api/v1/consents/search", "{\"vNumber\":\"" + f.vNumber + "\"}").listing(f.consent(r, true), f.consent(r, false)), LOGIN, FORBIDDEN, OWN, OWN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/consents/{id}", (f, r, own) -> get("/api/v1/consents/" + f.consent(r, own)), LOGIN, FORBIDDEN, OWN, OWN, OWN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/consents/{id}/revoke", (f, r, own) -> post("/api/v1/consents/" + f.freshConsent(r, own) + "/revoke"), LOGIN, FORBIDDEN, OWN, OWN, OWN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
		// Mandates: a case manager, for the mandates whose record their own organisation holds
		row("POST /api/v1/mandates", (f, r, own) -> postJson("/api/v1/mandates", "{}"), LOGIN, FORBIDDEN, FORBIDDEN, REACHED, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/mandates/{id}", (f, r, own) -> get("/api/v1/mandates/" + f.mandate(own)), LOGIN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/mandates/{id}/revoke", (f, r, own) -> post("/api/v1/mandates/" + f.freshMandate(own) + "/revoke"), LOGIN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		// Audit: a privacy officer the events of their organisation, a status holder their own
		row("GET /api/v1/audit/events", (f, r, own) -> get("/api/v1/audit/events?vNumber=" + f.vNumber), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, REACHED, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/audit/events/search", (f, r, own) -> postJson("/api/v1/audit/events/search", "{\"vNumber\":\"" + f.vNumber + "\"}").listing(f.exchange(r, true), f.exchange(r, false)), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/exchanges/{id}", (f, r, own) -> get("/api/v1/audit/exchanges/" + f.exchange(r, own)), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/events/{id}/proof", (f, r, own) -> get("/api/v1/audit/events/" + f.acceptedEvent(r, own) + "/proof"), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/consistency", (f, r, own) -> get("/api/v1/audit/consistency?first=" + f.signedTreeSize() + "&second=" + f.signedTreeSize()), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/export", (f, r, own) -> get("/api/v1/audit/export?vNumber=" + f.vNumber), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, REACHED, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/audit/exports", (f, r, own) -> postJson("/api/v1/audit/exports", "{\"vNumber\":\"" + f.vNumber + "\"}").listing(f.exchange(r, true), f.exchange(r, false)), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/audit/verify", (f, r, own) -> post("/api/v1/audit/verify"), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/verify/{id}", (f, r, own) -> get("/api/v1/audit/verify/" + f.verification(own)), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/overview", (f, r, own) -> get("/api/v1/audit/overview"), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/checkpoints", (f, r, own) -> get("/api/v1/audit/checkpoints"), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/retention", (f, r, own) -> get("/api/v1/audit/retention"), LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/me", (f, r, own) -> get("/api/v1/audit/me"), LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/audit/me/export", (f, r, own) -> get("/api/v1/audit/me/export").listing(f.exchange(r, true), f.exchange(r, false)), LOGIN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
		// Partner systems: exchanges (sender only), inbox (pull recipients only; tvs is pushed to)
		row("POST /api/v1/exchanges", (f, r, own) -> postJson("/api/v1/exchanges", "{}"), LOGIN, REACHED, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/exchanges/{id}", (f, r, own) -> get("/api/v1/exchanges/" + UUID.randomUUID()), LOGIN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /api/v1/inbox", (f, r, own) -> get("/api/v1/inbox"), LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /api/v1/inbox/{id}/ack", (f, r, own) -> post("/api/v1/inbox/" + UUID.randomUUID() + "/ack"), LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		// Operators: delivery, never people's data
		row("GET /api/v1/operator/dead-letters", (f, r, own) -> get("/api/v1/operator/dead-letters"), LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
		row("POST /api/v1/operator/dead-letters/{id}/replay", (f, r, own) -> post("/api/v1/operator/dead-letters/" + UUID.randomUUID() + "/replay"), LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REACHED, FORBIDDEN),
		row("GET /api/v1/operator/partners", (f, r, own) -> get("/api/v1/operator/partners"), LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
		// The status holder's portal
		row("GET /portal", (f, r, own) -> get("/portal"), LOGIN, LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /portal/consents", (f, r, own) -> postForm("/portal/consents", f.portalGrant()), LOGIN, LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /portal/consents/{id}/revoke", (f, r, own) -> postForm("/portal/consents/" + f.freshConsent(r, own) + "/revoke", Map.of()), LOGIN, LOGIN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /portal/export", (f, r, own) -> postForm("/portal/export", Map.of()), LOGIN, LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		// The console: each part for its roles
		row("GET /console", (f, r, own) -> get("/console"), LOGIN, LOGIN, FORBIDDEN, OK, OK, OK, OK, OK),
		row("GET /console/consents", (f, r, own) -> get("/console/consents"), LOGIN, LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /console/consents", (f, r, own) -> postForm("/console/consents", Map.of("vNumber", f.vNumber)), LOGIN, LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /console/documents", (f, r, own) -> get("/console/documents"), LOGIN, LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /console/documents", (f, r, own) -> postForm("/console/documents", Map.of("vNumber", f.vNumber)).listing(f.document(r, true), f.document(r, false)), LOGIN, LOGIN, FORBIDDEN, OWN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /console/mandates", (f, r, own) -> get("/console/mandates"), LOGIN, LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /console/mandates", (f, r, own) -> postForm("/console/mandates", Map.of("vNumber", f.vNumber)), LOGIN, LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("POST /console/mandates/{id}/revoke", (f, r, own) -> postForm("/console/mandates/" + f.freshMandate(own) + "/revoke", Map.of()), LOGIN, LOGIN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
		row("GET /console/audit", (f, r, own) -> get("/console/audit"), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("POST /console/audit/search", (f, r, own) -> postForm("/console/audit/search", Map.of("vNumber", f.vNumber)).listing(f.exchange(r, true), f.exchange(r, false)), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("POST /console/audit/export", (f, r, own) -> postForm("/console/audit/export", Map.of("vNumber", f.vNumber, "format", "json")).listing(f.exchange(r, true), f.exchange(r, false)), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /console/audit/exchanges/{id}", (f, r, own) -> get("/console/audit/exchanges/" + f.exchange(r, own)), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("POST /console/audit/verify", (f, r, own) -> postForm("/console/audit/verify", Map.of()), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /console/audit/verify/{id}", (f, r, own) -> get("/console/audit/verify/" + f.verification(own)), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OWN, FORBIDDEN, FORBIDDEN),
		row("GET /console/audit/overview", (f, r, own) -> get("/console/audit/overview"), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
		row("GET /console/operations", (f, r, own) -> get("/console/operations"), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
		row("POST /console/operations/dead-letters/{id}/replay", (f, r, own) -> postForm("/console/operations/dead-letters/" + UUID.randomUUID() + "/replay", Map.of()), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
		// Test-only probes
		row("GET /api/v1/test-probe/actor", (f, r, own) -> get("/api/v1/test-probe/actor"), LOGIN, OK, OK, OK, OK, OK, OK, OK),
		row("GET /test-probe/json", (f, r, own) -> get("/test-probe/json"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("POST /test-probe/json", (f, r, own) -> postJson("/test-probe/json", "{\"name\":\"matrix\",\"count\":1}"), OK, OK, OK, OK, OK, OK, OK, OK),
		row("GET /test-probe/failure", (f, r, own) -> get("/test-probe/failure"), FAILS, FAILS, FAILS, FAILS, FAILS, FAILS, FAILS, FAILS),
		row("GET /test-probe/library-failure", (f, r, own) -> get("/test-probe/library-failure"), REACHED, REACHED, REACHED, REACHED, REACHED, REACHED, REACHED, REACHED),
		row("GET /test-probe/adapter-failure", (f, r, own) -> get("/test-probe/adapter-failure"), REACHED, REACHED, REACHED, REACHED, REACHED, REACHED, REACHED, REACHED));
	// @formatter:on

	@Test
	void everyRowHasAnOutcomeForEveryRoleAndAnonymous() {
		assertThat(MATRIX)
			.allSatisfy((entry) -> assertThat(entry.outcomes()).as(entry.endpoint()).hasSize(COLUMNS.size()));
	}

	@Test
	void theCompletenessCheckReportsTheUnlistedProbeAndNothingElse() {
		// One assertion for both rules: the deliberately unlisted test endpoint is
		// reported, so the check works; and it is the only one, so every real endpoint
		// has a row. A new endpoint without a row makes this list longer and fails.
		assertThat(missing(endpoints(), MATRIX)).containsExactly(UNLISTED);
	}

	@Test
	void everyRowNamesAnEndpointThatExists() {
		assertThat(stale(endpoints(), MATRIX)).isEmpty();
	}

	@Test
	void everyCallerGetsWhatTheTableSays() throws Exception {
		// given
		Fixture fixture = fixture();
		List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger calls = new AtomicInteger();
		ForkJoinPool pool = new ForkJoinPool(4);
		try {
			Map<Role, Caller> callers = callers(pool);

			// when: the rows in parallel (each call has data of its own), the columns of
			// a row one after the other
			pool.submit(() -> MATRIX.parallelStream().forEach((entry) -> {
				for (Role role : COLUMNS) {
					Caller caller = (role != null) ? callers.get(role) : Caller.ANONYMOUS;
					check(entry, role, caller, fixture, mismatches, calls);
				}
			})).get();
		}
		finally {
			pool.shutdown();
		}

		// then
		assertThat(mismatches).as("%d calls", calls.get()).isEmpty();
	}

	@Test
	void operatorsSeeNoPersonalData() throws Exception {
		// given: a dead letter with a client profile about a status holder
		Fixture fixture = fixture();
		fixture.consent(Role.CASE_MANAGER, true);
		ObjectNode document = ExchangeExamples.clientProfile();
		document.putObject("subject").put("vNumber", fixture.vNumber);
		ObjectNode submission = JSON.createObjectNode()
			.put("documentType", "client-profile")
			.put("purpose", "handover-coa-municipality")
			.put("recipient", "raak");
		submission.putObject("subject").put("vNumber", fixture.vNumber);
		submission.set("document", document);
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(submission.toString())));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String dead = json(accepted).get("id").asString();
		JdbcClient.create(this.dataSource)
			.sql("UPDATE exchange SET status = 'dead-lettered', attempts = 40, last_error = 'SERVER_ERROR'"
					+ " WHERE id = ?::uuid")
			.param(dead)
			.update();
		ForkJoinPool pool = new ForkJoinPool(4);
		Caller operator;
		try {
			operator = callers(pool).get(Role.OPERATOR);
		}
		finally {
			pool.shutdown();
		}

		// when
		HttpResponse<String> deadLetters = call(operator, get("/api/v1/operator/dead-letters"));
		HttpResponse<String> partners = call(operator, get("/api/v1/operator/partners"));
		HttpResponse<String> page = call(operator, get("/console/operations"));

		// then
		assertThat(deadLetters.body()).contains(dead);
		assertThat(page.body()).contains(dead);
		for (HttpResponse<String> response : List.of(deadLetters, partners, page)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).as(response.uri().getPath())
				.doesNotContain(fixture.vNumber, fixture.subject.pseudonym(), "Al-Khatib", "Marieke de Boer",
						"1991-04-17");
		}
	}

	private void check(Entry entry, @Nullable Role role, Caller caller, Fixture fixture, List<String> mismatches,
			AtomicInteger calls) {
		Outcome expected = entry.outcome(role);
		Probe probe = entry.call().probe(fixture, role, true);
		HttpResponse<String> response = call(caller, probe);
		calls.incrementAndGet();
		String cell = entry.endpoint() + " as " + ((role != null) ? role.code() : "anonymous");
		if (expected != OWN) {
			expect(mismatches, cell, response, expected);
		}
		else if (probe.isListing()) {
			expect(mismatches, cell, response, OK);
			if (!response.body().contains(probe.shows()) || response.body().contains(probe.hides())) {
				mismatches.add(cell + ": the list must show the caller's own and leave out another's");
			}
		}
		else {
			expect(mismatches, cell, response, OK);
			HttpResponse<String> foreign = call(caller, entry.call().probe(fixture, role, false));
			calls.incrementAndGet();
			Outcome got = classify(foreign);
			if (got != FORBIDDEN && got != NOT_FOUND) {
				mismatches.add(cell + " (another organisation's): expected 403/404 but got " + foreign.statusCode()
						+ " " + abbreviate(foreign.body()));
			}
		}
	}

	private static void expect(List<String> mismatches, String cell, HttpResponse<String> response, Outcome expected) {
		Outcome got = classify(response);
		if (got != expected) {
			mismatches.add(cell + ": expected " + expected + " but got " + response.statusCode() + " "
					+ response.headers().firstValue("Location").orElse("") + " " + abbreviate(response.body()));
		}
	}

	static @Nullable Outcome classify(HttpResponse<String> response) {
		int status = response.statusCode();
		boolean redirect = status >= 300 && status < 400;
		String location = response.headers().firstValue("Location").orElse("");
		if (status == 401 || (redirect && location.matches("^(https?://[^/]+)?/login([?#].*)?$"))) {
			return LOGIN;
		}
		if (status == 403) {
			return FORBIDDEN;
		}
		if (status == 404) {
			return NOT_FOUND;
		}
		if (status >= 200 && status < 400) {
			return OK;
		}
		if (Set.of(400, 409, 415, 422).contains(status)) {
			return REACHED;
		}
		return (status >= 500) ? FAILS : null;
	}

	/** Every endpoint Spring MVC serves, as {@code METHOD /path/pattern}. */
	Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map(Enum::name)
				.collect(Collectors.toCollection(TreeSet::new));
			if (methods.isEmpty()) {
				methods = Set.of("*");
			}
			for (String method : methods) {
				for (String pattern : info.getPatternValues()) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	static Set<String> missing(Set<String> endpoints, List<Entry> matrix) {
		Set<String> missing = new TreeSet<>(endpoints);
		matrix.forEach((entry) -> missing.remove(entry.endpoint()));
		return missing;
	}

	static Set<String> stale(Set<String> endpoints, List<Entry> matrix) {
		return matrix.stream()
			.map(Entry::endpoint)
			.filter((endpoint) -> !endpoints.contains(endpoint))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	// --- calling -----------------------------------------------------------------

	/** A caller: a bearer token for the API, a login session for pages. */
	record Caller(@Nullable String token, @Nullable PageSession session) {

		static final Caller ANONYMOUS = new Caller(null, null);

	}

	private Caller caller(Role role, Fixture fixture) {
		if (role == Role.PARTNER) {
			return new Caller(this.tokens.partner("tvs"), null);
		}
		String organisation = switch (role) {
			case CASE_MANAGER, PRIVACY_OFFICER -> "coa";
			case CLIENT_MANAGER -> "amsterdam";
			default -> null;
		};
		String subject = (role == Role.STATUS_HOLDER) ? fixture.subject.pseudonym() : null;
		TestTokens.Login login = this.tokens.newPerson(role, organisation, subject);
		PageSession session = PageSession.logIn(this.port, login.username(), login.password());
		// A page after the login, for the CSRF token of the new session.
		session.get("/login");
		// The token through authorization code with PKCE, on the same login.
		return new Caller(this.tokens.accessToken(session.browser()), session);
	}

	private HttpResponse<String> call(Caller caller, Probe probe) {
		if (probe.path().startsWith("/api/")) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(probe.path()))
				.header("Accept", "application/json, */*;q=0.5")
				.method(probe.method(), probe.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(probe.body()));
			if (!probe.body().isEmpty()) {
				request.header("Content-Type", probe.contentType());
			}
			if (caller.token() != null) {
				request.header("Authorization", "Bearer " + caller.token());
			}
			return send(request);
		}
		String accept = "text/html, */*;q=0.8";
		if (caller.session() != null) {
			return caller.session().request(probe.method(), probe.path(), accept, probe.contentType(), probe.body());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(probe.path()))
			.header("Accept", accept)
			.method(probe.method(), probe.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(probe.body()));
		if (!probe.body().isEmpty()) {
			request.header("Content-Type", probe.contentType());
		}
		if (caller.token() != null) {
			// A partner's token means nothing to the pages: it is anonymous there.
			request.header("Authorization", "Bearer " + caller.token());
		}
		return send(request);
	}

	static Probe get(String path) {
		return new Probe("GET", path, "", "", null, null);
	}

	static Probe post(String path) {
		return new Probe("POST", path, "", "", null, null);
	}

	static Probe postJson(String path, String json) {
		return new Probe("POST", path, "application/json", json, null, null);
	}

	static Probe postForm(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return new Probe("POST", path, "application/x-www-form-urlencoded", body, null, null);
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return (flat.length() > 160) ? flat.substring(0, 160) + "…" : flat;
	}

	// --- data --------------------------------------------------------------------

	/**
	 * The people's data the matrix reads and changes: one status holder (the matrix's
	 * own) and another one; consents and audited exchanges on routes of COA (the case
	 * manager's and privacy officer's organisation), Amsterdam (the client manager's) and
	 * VluchtelingenWerk. Each call gets fresh data, so revocations do not interfere.
	 */
	class Fixture {

		final String vNumber = randomVNumber();

		final SubjectRef subject = AccessMatrixIntegrationTests.this.subjects.enrol(VNumber.parse(this.vNumber));

		final SubjectRef otherSubject = AccessMatrixIntegrationTests.this.subjects
			.enrol(VNumber.parse(randomVNumber()));

		private final Map<String, String> made = new ConcurrentHashMap<>();

		/**
		 * A consent the caller may see ({@code own}) or one of another organisation, the
		 * same for every call that only reads it.
		 */
		String consent(@Nullable Role role, boolean own) {
			return this.made.computeIfAbsent("consent " + role + " " + own, (key) -> freshConsent(role, own));
		}

		/** A new consent, for a call that changes it. */
		String freshConsent(@Nullable Role role, boolean own) {
			if (role == Role.STATUS_HOLDER) {
				return grant(own ? this.subject : this.otherSubject, "handover-coa-municipality", "tvs", "raak",
						DocumentType.of("client-profile"));
			}
			if (role == Role.CLIENT_MANAGER) {
				// Amsterdam's route to VluchtelingenWerk; not COA's to VluchtelingenWerk
				return own
						? grant(this.subject, "social-guidance-vwn", "raak", "vvs", DocumentType.of("trajectory-plan"))
						: grant(this.subject, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));
			}
			if (role == Role.CASE_MANAGER) {
				// COA's route to Amsterdam; not Amsterdam's to VluchtelingenWerk
				return own
						? grant(this.subject, "handover-coa-municipality", "tvs", "raak",
								DocumentType.of("client-profile"))
						: grant(this.subject, "social-guidance-vwn", "raak", "vvs", DocumentType.of("trajectory-plan"));
			}
			return grant(this.subject, "handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		}

		/**
		 * A mandate whose record COA holds ({@code own}: the matrix's case manager is of
		 * COA), or VluchtelingenWerk; the same for every call that only reads it.
		 */
		String mandate(boolean own) {
			return this.made.computeIfAbsent("mandate " + own, (key) -> freshMandate(own));
		}

		/** A new active mandate, for a call that changes it. */
		String freshMandate(boolean own) {
			UUID representative = AccessMatrixIntegrationTests.this.tokens.newPerson(Role.STATUS_HOLDER, null, null)
				.id();
			UUID id = UUID.randomUUID();
			JdbcClient.create(AccessMatrixIntegrationTests.this.dataSource)
				.sql("""
						INSERT INTO mandate (id, representative, subject_ref, kind, evidence_reference, ends_at,
						organisation, recorded_by, recorded_at)
						VALUES (?, ?, ?, 'WRITTEN_MANDATE', 'matrix-mandate', now() + interval '30 days', ?, ?, now())""")
				.params(id, representative, this.subject.pseudonym(), own ? "coa" : "vwn", UUID.randomUUID())
				.update();
			return id.toString();
		}

		/** An audited exchange the caller may see ({@code own}), or one they may not. */
		String exchange(@Nullable Role role, boolean own) {
			return this.made.computeIfAbsent("exchange " + role + " " + own, (key) -> freshExchange(role, own));
		}

		private String freshExchange(@Nullable Role role, boolean own) {
			if (role == Role.STATUS_HOLDER) {
				return accepted(own ? this.subject : this.otherSubject, "tvs", "raak");
			}
			if (role == Role.PRIVACY_OFFICER) {
				return own ? accepted(this.subject, "tvs", "raak") : accepted(this.subject, "raak", "vvs");
			}
			return accepted(this.subject, "tvs", "raak");
		}

		/**
		 * A finished verification of the audit chain, of the privacy officer's
		 * organisation ({@code own}) or of another one.
		 */
		String verification(boolean own) {
			return this.made.computeIfAbsent("verification " + own, (key) -> {
				UUID id = UUID.randomUUID();
				JdbcClient.create(AccessMatrixIntegrationTests.this.dataSource)
					.sql("""
							INSERT INTO audit_verify_job (id, organisation, state, checked, total, started_at,
							heartbeat_at, finished_at, intact, events_checked, checkpoints, pruned)
							VALUES (?, ?, 'done', 1, 1, now(), now(), now(), true, 1, 0, 0)""")
					.params(id, own ? "coa" : "amsterdam")
					.update();
				return id.toString();
			});
		}

		/**
		 * A document exchanged about the status holder, on a route of the caller's own
		 * organisation or not; its purpose is a marker that the look-up shows.
		 */
		String document(@Nullable Role role, boolean own) {
			return this.made.computeIfAbsent("document " + role + " " + own, (key) -> {
				if (role == Role.CLIENT_MANAGER) {
					return own ? delivered("raak", "vvs") : delivered("tvs", "vvs");
				}
				if (role == Role.CASE_MANAGER) {
					return own ? delivered("tvs", "raak") : delivered("raak", "vvs");
				}
				return delivered("tvs", "raak");
			});
		}

		private String delivered(String sender, String recipient) {
			String marker = "matrix-" + UUID.randomUUID();
			JdbcClient.create(AccessMatrixIntegrationTests.this.dataSource)
				.sql("""
						INSERT INTO exchange (id, sender, recipient, document_type, purpose, legal_basis, consent_id,
						subject_ref, idempotency_key, request_sha256, payload_sha256, field_names, status, trace_id,
						accepted_at, status_changed_at, delivered_at, next_attempt_at)
						VALUES (?, ?, ?, 'client-profile', ?, 'gdpr-6-1-a', ?, ?, ?, repeat('0', 64), repeat('0', 64),
						'{}', 'delivered', repeat('0', 32), now(), now(), now(), now())""")
				.params(UUID.randomUUID(), sender, recipient, marker, UUID.randomUUID(), this.subject.pseudonym(),
						marker)
				.update();
			return marker;
		}

		/** A grant in the API's form: on the caller's own organisation's route or not. */
		String grant(@Nullable Role role, boolean own) {
			ObjectNode grant = JSON.createObjectNode();
			boolean fromAmsterdam = (role == Role.CLIENT_MANAGER) == own;
			String purpose = fromAmsterdam ? "social-guidance-vwn" : "handover-coa-municipality";
			if (role == Role.STATUS_HOLDER) {
				purpose = "handover-notice";
				grant.put("from", "raak");
				grant.putArray("to").add("tvs");
				grant.putArray("documentTypes").add("handover-notice");
			}
			else {
				grant.put("from", fromAmsterdam ? "raak" : "tvs");
				grant.putArray("to").add(fromAmsterdam ? "vvs" : "raak");
				grant.putArray("documentTypes").add(fromAmsterdam ? "trajectory-plan" : "client-profile");
				grant.put("vNumber", randomVNumber());
				grant.put("evidenceReference", "matrix-form-1");
			}
			grant.put("purpose", purpose);
			grant.put("language", "nl");
			grant.put("textSha256", AccessMatrixIntegrationTests.this.catalogue.text(purpose, "nl").sha256());
			return grant.toString();
		}

		Map<String, String> portalGrant() {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("purpose", "language-course-placement");
			form.put("language", "nl");
			form.put("recipients", "taalschool-a");
			form.put("textSha256",
					AccessMatrixIntegrationTests.this.catalogue.text("language-course-placement", "nl").sha256());
			return form;
		}

		private String grant(SubjectRef subject, String purpose, String from, String to, DocumentType type) {
			return AccessMatrixIntegrationTests.this.registry
				.grant(new GrantRequest(subject, purpose, from, List.of(to), List.of(type), null,
						ConsentMethod.portal(), "nl",
						AccessMatrixIntegrationTests.this.catalogue.text(purpose, "nl").sha256()))
				.consent()
				.id()
				.toString();
		}

		/** The chained accepted event of {@link #exchange}. */
		String acceptedEvent(@Nullable Role role, boolean own) {
			String exchange = exchange(role, own);
			return this.made.computeIfAbsent("event " + role + " " + own, (key) -> {
				AccessMatrixIntegrationTests.this.chainer.chainPending();
				return JdbcClient.create(AccessMatrixIntegrationTests.this.dataSource)
					.sql("SELECT event_id::text FROM audit_event WHERE exchange_id = ?::uuid AND event_type = 'accepted'")
					.param(exchange)
					.query(String.class)
					.single();
			});
		}

		/** The size of a signed checkpoint with a tree root. */
		String signedTreeSize() {
			return this.made.computeIfAbsent("tree size", (key) -> {
				AccessMatrixIntegrationTests.this.chainer.chainPending();
				AccessMatrixIntegrationTests.this.checkpoints.signHead();
				return String.valueOf(AccessMatrixIntegrationTests.this.checkpoints.latest().orElseThrow().position());
			});
		}

		private String accepted(SubjectRef subject, String sender, String recipient) {
			UUID exchange = UUID.randomUUID();
			AccessMatrixIntegrationTests.this.audit
				.appendIndependently(AuditEvent.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
					.subject(subject.pseudonym())
					.route(sender, recipient)
					.document("client-profile", exchange)
					.build());
			return exchange.toString();
		}

		private static String randomVNumber() {
			return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		}

	}

}
