package nl.ketenpoort.gateway.delivery;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.exchange.EarlierPayloads;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database with payloads stored by the release before format 1 (JWE in the text column)
 * still delivers after the upgrade: the partner receives the same document as from a
 * payload sealed in format 1, and the purge forgets both.
 */
class EarlierPayloadsDeliveryIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DeliveryWorker delivery;

	@Autowired
	Exchanges exchanges;

	@Autowired
	DataSource dataSource;

	@Value("${ketenpoort.exchange.payload-key}")
	String payloadKey;

	@Test
	void aJwePayloadFromTheEarlierReleaseIsDeliveredWithItsDocument() {
		// given: two exchanges of the same document; one's payload as the earlier release
		// stored it
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		ObjectNode document = ExchangeExamples.about(ExchangeExamples.clientProfile(), holder.vNumber());
		UUID sealed = submit(holder.vNumber(), document);
		UUID earlier = submit(holder.vNumber(), document);
		byte[] plaintext = this.exchanges.payload(earlier).orElseThrow().getBytes(StandardCharsets.UTF_8);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		EarlierPayloads.storeAsBefore(jdbc, earlier, EarlierPayloads.encrypt(this.payloadKey, plaintext));
		assertThat(columns(jdbc, earlier)).containsEntry("jwe", true).containsEntry("sealed", false);
		assertThat(columns(jdbc, sealed)).containsEntry("jwe", false).containsEntry("sealed", true);
		assertThat(this.exchanges.find(earlier).orElseThrow().payloadKept()).isTrue();

		// when
		for (int round = 0; round < 3; round++) {
			this.delivery.runOnce();
		}

		// then: the partner received the document of each, and they are the same
		List<LoggedRequest> fromEarlier = deliveredTo("raak", earlier.toString());
		List<LoggedRequest> fromSealed = deliveredTo("raak", sealed.toString());
		assertThat(fromEarlier).hasSize(1);
		assertThat(fromSealed).hasSize(1);
		JsonNode received = JSON.readTree(fromEarlier.get(0).getBodyAsString());
		assertThat(received.has("klantprofiel")).as("RAAK's own format").isTrue();
		assertThat(received).isEqualTo(JSON.readTree(fromSealed.get(0).getBodyAsString()));
		assertThat(fromEarlier.get(0).getBodyAsString()).contains(holder.vNumber());
		assertThat(this.fixtures.auditTypes(earlier)).containsExactly("accepted", "delivered");

		// and: the purge forgets the earlier payload as it does a sealed one
		this.exchanges.purgeDeliveredBefore(Instant.now().plusSeconds(1));
		assertThat(this.exchanges.payload(earlier)).isEmpty();
		assertThat(this.exchanges.payload(sealed)).isEmpty();
		assertThat(columns(jdbc, earlier)).containsEntry("jwe", false).containsEntry("sealed", false);
		assertThat(columns(jdbc, sealed)).containsEntry("jwe", false).containsEntry("sealed", false);
		assertThat(this.exchanges.find(earlier).orElseThrow().payloadKept()).isFalse();
	}

	@Test
	void thePurgeFindsPayloadsInEitherColumnThroughItsIndex() throws SQLException {
		// The condition of Exchanges.purgeDeliveredBefore without its status (which
		// another index serves on a table this small); with sequential scans off, the
		// plan shows whether the partial index's condition (V3_136) is implied by it.
		String purge = "SELECT id FROM exchange WHERE (payload_sealed IS NOT NULL OR payload IS NOT NULL)"
				+ " AND delivered_at IS NOT NULL AND delivered_at < now()";
		StringBuilder plan = new StringBuilder();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("SET LOCAL enable_seqscan = off");
			try (ResultSet rows = statement.executeQuery("EXPLAIN " + purge)) {
				while (rows.next()) {
					plan.append(rows.getString(1)).append('\n');
				}
			}
			connection.rollback();
		}
		assertThat(plan).contains("exchange_purge_idx");
	}

	private UUID submit(String vNumber, ObjectNode document) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", document);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return UUID.fromString(json(response).get("id").asString());
	}

	private static Map<String, Object> columns(JdbcClient jdbc, UUID exchange) {
		return jdbc
			.sql("SELECT payload IS NOT NULL AS jwe, payload_sealed IS NOT NULL AS sealed FROM exchange"
					+ " WHERE id = ?")
			.param(exchange)
			.query()
			.singleRow();
	}

}
