package nl.ketenpoort.gateway.exchange;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.SchemaOwner;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exchange whose audit event cannot be written is not accepted: the {@code accepted}
 * record is written by a listener inside the accepting transaction, so its failure rolls
 * the exchange back, and the same submission is accepted once the audit log takes it.
 */
class AcceptedWithItsAuditRecordIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SchemaOwner owner;

	@Autowired
	DataSource dataSource;

	@Test
	void anAuditLogThatRefusesTheAcceptedEventLeavesNothingAccepted() {
		// given: a status holder with consent, and an audit log that refuses their
		// accepted event (a trigger only the schema owner can add, on the staging table
		// every event enters first)
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		JdbcClient owner = JdbcClient.create(this.owner.dataSource().orElseThrow());
		String trigger = "refuse_" + UUID.randomUUID().toString().replace("-", "");
		owner
			.sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
					+ " RAISE EXCEPTION 'audit log unavailable'; END $$")
			.update();
		owner
			.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_staged FOR EACH ROW WHEN"
					+ " (NEW.event_type = 'accepted' AND NEW.subject_ref = '" + holder.subject().pseudonym() + "')"
					+ " EXECUTE FUNCTION " + trigger + "()")
			.update();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> refused;
		try {
			// when
			refused = submit(key, holder.vNumber());
		}
		finally {
			owner.sql("DROP TRIGGER " + trigger + " ON audit_staged").update();
			owner.sql("DROP FUNCTION " + trigger + "()").update();
		}

		// then: nothing stored, nothing recorded as accepted, and the key is still free
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(500);
		assertThat(jdbc.sql("SELECT count(*) FROM exchange WHERE subject_ref = ?")
			.param(holder.subject().pseudonym())
			.query(Long.class)
			.single()).isZero();
		this.fixtures.chained();
		assertThat(jdbc
			.sql("SELECT (SELECT count(*) FROM audit_event WHERE subject_ref = ? AND event_type = 'accepted')"
					+ " + (SELECT count(*) FROM audit_staged WHERE subject_ref = ? AND event_type = 'accepted')")
			.params(holder.subject().pseudonym(), holder.subject().pseudonym())
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> accepted = submit(key, holder.vNumber());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		UUID id = UUID.fromString(json(accepted).get("id").asString());
		assertThat(this.fixtures.auditTypes(id)).containsExactly("accepted");
	}

	private HttpResponse<String> submit(String key, String vNumber) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeIntegrationTests.example("client-profile"), vNumber));
		return send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
	}

}
