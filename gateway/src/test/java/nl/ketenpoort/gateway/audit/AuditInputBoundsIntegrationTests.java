package nl.ketenpoort.gateway.audit;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.consent.ConsentForms;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a caller sends never lands in the append-only audit log, whatever its length, and
 * what leaves the log as CSV is never a live spreadsheet formula. Through the public API
 * only, as the outside probe found it.
 */
class AuditInputBoundsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	DataSource dataSource;

	@Test
	void aLongMadeUpRecipientIsRefusedAuditedAndNotStored() {
		// given a recipient of 9,000 characters, beyond what the recipient index can hold
		String recipient = "r".repeat(9_000);

		// when the document type is unknown too
		HttpResponse<String> response = submit(request("passport-scan", "handover-coa-municipality", recipient));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("code").asString()).isEqualTo("UNKNOWN_DOCUMENT_TYPE");
		List<String> recorded = recipientsRecordedFor(json(response));
		assertThat(recorded).as("the refusal is audited").hasSize(1);
		assertThat(recorded.get(0)).as("without the text sent")
			.satisfiesAnyOf((value) -> assertThat(value).isNull(),
					(value) -> assertThat(value).startsWith("unknown:").hasSize(72));
	}

	@Test
	void markupInARecipientNeverReachesTheLog() {
		// when the purpose is unknown and the recipient carries markup
		HttpResponse<String> response = submit(request("client-profile", "marketing", "<img src=x onerror=alert(1)>"));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(recipientsRecordedFor(json(response))).singleElement()
			.satisfies((value) -> assertThat(String.valueOf(value)).doesNotContain("<").doesNotContain("alert"));
	}

	@Test
	void anExportFormatOutsideTheListIsRefusedAndNeverRecordedAsSent() {
		// given a status holder with a consent, so they have events of their own
		String holder = statusHolder();

		// when they ask for an export in a made-up format shaped like a BSN and a formula
		HttpResponse<String> bsnShaped = export(holder, "123456782");
		HttpResponse<String> formula = export(holder, "=1+1");

		// then
		assertThat(bsnShaped.statusCode()).as(bsnShaped.body()).isEqualTo(400);
		assertThat(formula.statusCode()).as(formula.body()).isEqualTo(400);
		assertThat(json(formula).get("code").asString()).isEqualTo("INVALID_PARAMETER");
		assertThat(reasonsRecordedFor(json(bsnShaped))).containsExactly("export:FORMAT_UNKNOWN");
		assertThat(reasonsRecordedFor(json(formula))).containsExactly("export:FORMAT_UNKNOWN");
	}

	@Test
	void noCellOfTheCsvExportIsALiveFormula() {
		// given a status holder who tried a formula as the format
		String holder = statusHolder();
		export(holder, "=HYPERLINK(\"https://attacker.example\",\"open\")");
		export(holder, "@SUM(1+1)");

		// when they download their events as CSV
		HttpResponse<String> csv = export(holder, "csv");

		// then
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().skip(1).toList()).isNotEmpty()
			.allSatisfy((line) -> assertThat(Arrays.stream(line.split(",", -1)))
				.noneMatch((cell) -> !cell.isEmpty() && "=+-@\t\r".indexOf(stripQuote(cell).charAt(0)) >= 0));
	}

	private static String stripQuote(String cell) {
		return (cell.startsWith("\"") && cell.length() > 1) ? cell.substring(1) : cell;
	}

	private String statusHolder() {
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		ObjectNode grant = ConsentForms.onBehalf(
				ConsentForms.grant(this.purposes, "handover-coa-municipality", "tvs", "raak", "client-profile", "nl"),
				vNumber);
		HttpResponse<String> granted = send(HttpRequest.newBuilder(uri("/api/v1/consents"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.CASE_MANAGER, "coa"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(grant.toString())));
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
		String subject = jdbc().sql("SELECT subject FROM consent WHERE id = ?::uuid")
			.param(json(granted).get("id").asString())
			.query(String.class)
			.single();
		return this.tokens.person(Role.STATUS_HOLDER, null, subject);
	}

	private HttpResponse<String> export(String token, String format) {
		return send(HttpRequest
			.newBuilder(uri("/api/v1/audit/me/export?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + token));
	}

	private HttpResponse<String> submit(ObjectNode request) {
		return send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
	}

	private static ObjectNode request(String type, String purpose, String recipient) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", type);
		request.put("purpose", purpose);
		request.put("recipient", recipient);
		request.putObject("subject").put("vNumber", "1234509876");
		request.set("document", ExchangeExamples.clientProfile());
		return request;
	}

	private List<String> recipientsRecordedFor(JsonNode problem) {
		this.fixtures.chained();
		return jdbc().sql("SELECT recipient FROM audit_event WHERE trace_id = ? AND event_type = 'refused'")
			.param(problem.get("traceId").asString())
			.query(String.class)
			.list();
	}

	private List<String> reasonsRecordedFor(JsonNode problem) {
		this.fixtures.chained();
		return jdbc().sql("SELECT reason_code FROM audit_event WHERE trace_id = ?")
			.param(problem.get("traceId").asString())
			.query(String.class)
			.list();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

}
