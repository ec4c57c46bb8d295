package nl.ketenpoort.gateway.audit;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy officer's verification runs in the background: {@code 202} with the status
 * resource, progress and then the result there, one running per organisation, and only
 * that organisation's officers find it.
 */
class AuditVerifyJobsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Test
	void theOfficersVerificationAnswers202AndItsStatusResourceEndsWithTheResult() {
		String token = this.tokens.person(Role.PRIVACY_OFFICER, "amsterdam");

		// when
		HttpResponse<String> started = post("/api/v1/audit/verify", token);

		// then: accepted at once, with the job and where to follow it
		assertThat(started.statusCode()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/api/v1/audit/verify/[0-9a-f-]{36}");
		assertThat(started.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(json(started).get("id").asString()).isEqualTo(location.substring(location.lastIndexOf('/') + 1));
		assertThat(json(started).get("state").asString()).isIn("running", "done");
		assertThat(json(started).get("total").asLong()).isPositive();

		JsonNode done = awaitDone(location, token);
		assertThat(done.get("state").asString()).isEqualTo("done");
		assertThat(done.get("checked").asLong()).isGreaterThanOrEqualTo(done.get("total").asLong());
		JsonNode result = done.get("result");
		assertThat(result.get("intact").asBoolean()).isTrue();
		assertThat(result.get("checked").asLong()).isPositive();
		assertThat(result.has("checkpoints")).isTrue();
		assertThat(result.has("pruned")).isTrue();
		assertThat(result.has("firstBadPosition")).isFalse();
		assertThat(done.has("finishedAt")).isTrue();
	}

	@Test
	void anotherOrganisationsOfficerDoesNotFindTheJob() {
		String coa = this.tokens.person(Role.PRIVACY_OFFICER, "coa");
		String amsterdam = this.tokens.person(Role.PRIVACY_OFFICER, "amsterdam");
		String location = post("/api/v1/audit/verify", coa).headers().firstValue("Location").orElseThrow();

		HttpResponse<String> theirs = get(location, amsterdam);
		HttpResponse<String> holder = get(location, this.tokens.person(Role.STATUS_HOLDER, null, "vnr_none"));
		HttpResponse<String> unknown = get("/api/v1/audit/verify/" + UUID.randomUUID(), coa);

		assertThat(theirs.statusCode()).isEqualTo(404);
		assertThat(theirs.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(theirs.body()).doesNotContain("checked").doesNotContain("coa");
		assertThat(holder.statusCode()).isIn(403, 404);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(get(location, coa).statusCode()).isEqualTo(200);
	}

	@Test
	void whileOneRunsForTheOrganisationASecondRequestGetsThatOne() {
		String organisation = "verify-test-" + UUID.randomUUID().toString().substring(0, 8);
		UUID running = insertRunning(organisation, Instant.now());
		String token = this.tokens.person(Role.PRIVACY_OFFICER, organisation);
		try {
			HttpResponse<String> again = post("/api/v1/audit/verify", token);

			assertThat(again.statusCode()).isEqualTo(202);
			assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/audit/verify/" + running);
			assertThat(json(again).get("state").asString()).isEqualTo("running");
			assertThat(json(again).get("checked").asLong()).isEqualTo(7);
			assertThat(get("/api/v1/audit/verify/" + running, token).headers().firstValue("Retry-After")).hasValue("1");
		}
		finally {
			jdbc()
				.sql("UPDATE audit_verify_job SET state = 'failed', failure = 'TEST', finished_at = now() WHERE id = ?")
				.param(running)
				.update();
		}
	}

	@Test
	void aRunningJobWhoseNodeStoppedShowsAsFailedAndTheNextRequestStartsAnew() {
		String organisation = "verify-test-" + UUID.randomUUID().toString().substring(0, 8);
		UUID abandoned = insertRunning(organisation,
				Instant.now().minus(VerifyJobs.ABANDONED_AFTER).minus(Duration.ofSeconds(5)));
		String token = this.tokens.person(Role.PRIVACY_OFFICER, organisation);

		JsonNode shown = json(get("/api/v1/audit/verify/" + abandoned, token));
		HttpResponse<String> next = post("/api/v1/audit/verify", token);

		assertThat(shown.get("state").asString()).isEqualTo("failed");
		assertThat(shown.get("failure").asString()).isEqualTo("ABANDONED");
		assertThat(next.headers().firstValue("Location")).isPresent()
			.get()
			.isNotEqualTo("/api/v1/audit/verify/" + abandoned);
		assertThat(awaitDone(next.headers().firstValue("Location").get(), token).get("state").asString())
			.isEqualTo("done");
		assertThat(jdbc().sql("SELECT state FROM audit_verify_job WHERE id = ?")
			.param(abandoned)
			.query(String.class)
			.single()).isEqualTo("failed");
	}

	@Test
	void aBrokenChainIsReportedWithTheFieldsOfTheVerifyAnswer() {
		String organisation = "verify-test-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = UUID.randomUUID();
		jdbc().sql("""
				INSERT INTO audit_verify_job (id, organisation, state, checked, total, started_at, heartbeat_at,
				finished_at, intact, events_checked, checkpoints, pruned, first_bad_position, break_kind)
				VALUES (?, ?, 'done', 40, 50, now(), now(), now(), false, 40, 2, 0, 41, 'DELETED')""")
			.params(id, organisation)
			.update();

		JsonNode result = json(
				get("/api/v1/audit/verify/" + id, this.tokens.person(Role.PRIVACY_OFFICER, organisation)))
			.get("result");

		assertThat(result.get("intact").asBoolean()).isFalse();
		assertThat(result.get("checked").asLong()).isEqualTo(40);
		assertThat(result.get("checkpoints").asLong()).isEqualTo(2);
		assertThat(result.get("firstBadPosition").asLong()).isEqualTo(41);
		assertThat(result.get("kind").asString()).isEqualTo("deleted");
	}

	@Test
	void theRequestIsRecordedAsAReadOfTheAuditLog() {
		String organisation = "verify-test-" + UUID.randomUUID().toString().substring(0, 8);
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, organisation, null);
		String token = this.tokens.logIn(officer.username(), officer.password())
			.tokens()
			.get("access_token")
			.asString();

		String location = post("/api/v1/audit/verify", token).headers().firstValue("Location").orElseThrow();
		awaitDone(location, token);
		get(location, token);

		// one read for the request; following the job adds none
		this.fixtures.chained();
		assertThat(jdbc().sql("SELECT reason_code FROM audit_event WHERE actor_id = ? AND event_type = 'audit-read'")
			.param(officer.id().toString())
			.query(String.class)
			.list()).containsExactly("verify");
	}

	private UUID insertRunning(String organisation, Instant heartbeat) {
		UUID id = UUID.randomUUID();
		jdbc().sql("""
				INSERT INTO audit_verify_job (id, organisation, state, checked, total, started_at, heartbeat_at)
				VALUES (?, ?, 'running', 7, 100, ?, ?)""")
			.params(id, organisation, Timestamp.from(heartbeat), Timestamp.from(heartbeat))
			.update();
		return id;
	}

	/** Follows the status resource until the job has finished. */
	private JsonNode awaitDone(String location, String token) {
		return BackgroundVerification.awaitFinished(() -> {
			HttpResponse<String> status = get(location, token);
			assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
			return json(status);
		}, (job) -> "running".equals(job.get("state").asString()));
	}

	private HttpResponse<String> post(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.POST(BodyPublishers.noBody()));
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

}
