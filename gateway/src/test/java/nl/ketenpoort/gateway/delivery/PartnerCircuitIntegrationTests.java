package nl.ketenpoort.gateway.delivery;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.portal.PageSession;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner that keeps failing is paused: nothing more is claimed for it (its exchanges
 * wait in the outbox, no attempt used up), the operator page and the metrics say so,
 * other partners go on; after the pause single probes decide whether delivery resumes.
 */
class PartnerCircuitIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	PartnerCircuits circuits;

	@Autowired
	DataSource dataSource;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void deliverToRaakAgain() {
		this.stubs.forEach((stub) -> partnerSystems().removeStub(stub));
		this.circuits.of("raak").reset();
	}

	@Test
	void aFailingPartnerIsPausedThenProbedAndDeliveredToAgain() {
		// given: what other tests left is delivered first
		while (this.worker.runOnce() > 0) {
		}
		// when five deliveries to RAAK fail with 503
		List<UUID> failing = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			failing.add(submit());
			fails(failing.get(i));
		}
		assertThat(this.worker.runOnce()).isEqualTo(5);

		// then RAAK is paused: a new exchange for it is not claimed and keeps its
		// attempts
		assertThat(this.circuits.state("raak")).isEqualTo(PartnerCircuits.State.PAUSED);
		assertThat(this.circuits.state("vvs")).isEqualTo(PartnerCircuits.State.DELIVERING);
		UUID waiting = submit();
		assertThat(this.worker.runOnce()).isZero();
		assertThat(jdbc().sql("SELECT status || ' ' || attempts FROM exchange WHERE id = ?")
			.param(waiting)
			.query(String.class)
			.single()).isEqualTo("accepted 0");
		assertThat(operatorPage()).contains("data-circuit=\"paused\"");
		assertThat(scrape()).contains("ketenpoort_partner_circuit_state{partner=\"raak\",state=\"paused\"} 1.0");

		// when the pause is over (as the breaker's clock would have it) and RAAK answers
		this.stubs.forEach((stub) -> partnerSystems().removeStub(stub));
		jdbc().sql("UPDATE exchange SET next_attempt_at = now() - interval '1 second' WHERE id = ANY(?)")
			.param(failing.toArray(UUID[]::new))
			.update();
		this.circuits.of("raak").transitionToHalfOpenState();
		assertThat(this.circuits.state("raak")).isEqualTo(PartnerCircuits.State.PROBING);

		// then one probe at a time is delivered, and after two delivery resumes
		assertThat(this.worker.runOnce()).isEqualTo(1);
		assertThat(this.worker.runOnce()).isEqualTo(1);
		assertThat(this.circuits.state("raak")).isEqualTo(PartnerCircuits.State.DELIVERING);
		assertThat(this.worker.runOnce()).isEqualTo(4);
		failing.add(waiting);
		assertThat(jdbc().sql("SELECT DISTINCT status FROM exchange WHERE id = ANY(?)")
			.param(failing.toArray(UUID[]::new))
			.query(String.class)
			.list()).containsExactly("delivered");
	}

	private UUID submit() {
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), PURPOSE, "tvs", List.of("raak"), DocumentType.of("client-profile"));
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
		return UUID.fromString(json(response).get("id").asString());
	}

	private void fails(UUID exchange) {
		this.stubs.add(partnerSystems().stubFor(post("/raak").atPriority(1)
			.withHeader("Idempotency-Key", equalTo(exchange.toString()))
			.willReturn(aResponse().withStatus(503).withBody("{}"))));
	}

	private String operatorPage() {
		TestTokens.Login operator = this.tokens.newPerson(Role.OPERATOR, null, null);
		HttpResponse<String> page = PageSession.logIn(this.port, operator.username(), operator.password())
			.get("/console/operations");
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	private String scrape() {
		return send(
				HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + METRICS_TOKEN))
			.body();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

}
