package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A privacy officer's JSON export carries an evidence bundle, and the packaged jar checks
 * it with no database: {@code audit verify --bundle} exits 0 on the export as downloaded
 * and 1, naming the event, when one byte of it changes; it starts no embedded database
 * and reaches for no other.
 */
class AuditEvidenceBundleIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@TempDir
	Path files;

	@Test
	void anExportedBundleVerifiesOfflineAndOneChangedByteNamesItsEvent() throws IOException {
		// given: an exchange of a status holder, and COA's privacy officer's JSON export
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), PURPOSE, "tvs", List.of("raak"), DocumentType.of("client-profile"));
		submit(holder);
		this.fixtures.chained();
		HttpResponse<String> export = send(HttpRequest.newBuilder(uri("/api/v1/audit/exports"))
			.header("Authorization", "Bearer " + this.tokens.person(Role.PRIVACY_OFFICER, "coa"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"vNumber\":\"" + holder.vNumber() + "\",\"format\":\"json\"}")));
		assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
		JsonNode evidence = json(export).get("evidence");
		assertThat(evidence.get("format").asString()).isEqualTo("ketenpoort-audit-evidence");
		assertThat(evidence.get("events").size()).isPositive();
		assertThat(export.body()).as("no identifier of the status holder in clear").doesNotContain(holder.vNumber());
		Path downloaded = Files.writeString(this.files.resolve("export.json"), export.body());

		// and: the same file with one byte changed in the text the second event's hash
		// covers
		JsonNode second = evidence.get("events").get(evidence.get("events").size() - 1);
		String canonical = second.get("canonical").asString();
		int at = canonical.indexOf("\"event_type\":\"") + "\"event_type\":\"".length();
		String changed = canonical.substring(0, at) + (char) (canonical.charAt(at) ^ 1) + canonical.substring(at + 1);
		Path tampered = Files.writeString(this.files.resolve("tampered.json"),
				export.body().replace(JSON.writeValueAsString(canonical), JSON.writeValueAsString(changed)));
		assertThat(Files.readString(tampered)).isNotEqualTo(export.body());

		// when: the packaged jar checks both, where no database is: an empty data
		// directory and a database URL nothing listens on
		Path nowhere = Files.createDirectory(this.files.resolve("no-data"));
		Map<String, String> noDatabase = Map.of("KETENPOORT_DATA_DIR", nowhere.toString(), "SPRING_DATASOURCE_URL",
				"jdbc:postgresql://127.0.0.1:9/none");
		String logKey = evidence.get("logKeys").get(0).asString();
		PackagedJar.Run intact = PackagedJar.run(noDatabase, "audit", "verify", "--bundle", downloaded.toString(),
				"--log-key", logKey);
		PackagedJar.Run broken = PackagedJar.run(noDatabase, "audit", "verify", "--bundle", tampered.toString());

		// then
		assertThat(intact.exit()).as(intact.output() + intact.errors()).isZero();
		assertThat(intact.output()).contains("verified with log key " + logKey)
			.contains("Checked " + evidence.get("events").size() + " audit events")
			.contains("The bundle is intact.");
		assertThat(broken.exit()).as(broken.output() + broken.errors()).isEqualTo(1);
		assertThat(broken.output()).contains("event " + second.get("eventId").asString())
			.contains("does not match its hash");
		assertThat(intact.errors() + broken.errors()).doesNotContain("Exception");
		try (var left = Files.list(nowhere)) {
			assertThat(left).as("no embedded database started").isEmpty();
		}
	}

	private void submit(Fixtures.StatusHolder holder) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", PURPOSE);
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", holder.vNumber());
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), holder.vNumber()));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

}
