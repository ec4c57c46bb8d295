package nl.ketenpoort.gateway.exchange;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.client.Answer;
import nl.ketenpoort.client.KetenpoortClient;
import nl.ketenpoort.client.StatementInvalid;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code ketenpoort-client} module used as a partner system would use it, against
 * this test gateway: a token by {@code private_key_jwt}, a submission that is accepted
 * (and answered the same when repeated under its key), the inbox of a push partner, and a
 * consent statement verified against the published key set.
 */
class KetenpoortClientIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPartnerSubmitsWithTheClientAndARepeatUnderTheSameKeyIsTheSameExchange() throws Exception {
		// given
		KetenpoortClient tvs = KetenpoortClient.connect(URI.create("http://localhost:" + this.port), "tvs",
				this.tokens.partnerKey("tvs"), Set.of("exchange:send:client-profile"));
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		ObjectNode envelope = JSON.createObjectNode()
			.put("documentType", "client-profile")
			.put("purpose", "handover-coa-municipality")
			.put("recipient", "raak");
		envelope.putObject("subject").put("vNumber", holder.vNumber());
		envelope.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), holder.vNumber()));
		String submission = JSON.writeValueAsString(envelope);
		String key = UUID.randomUUID().toString();

		// when
		Answer accepted = tvs.submit(submission, key);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		Answer repeated = tvs.submit(submission, key);
		Answer status = tvs.exchange(accepted.location().orElseThrow().replaceFirst(".*/", ""));

		// then
		assertThat(repeated.status()).isEqualTo(202);
		assertThat(repeated.location()).isEqualTo(accepted.location());
		assertThat(status.status()).isEqualTo(200);
		assertThat(tvs.accessToken()).as("the token is kept while it is valid").isEqualTo(tvs.accessToken());
	}

	@Test
	void aPushPartnerIsToldItHasNoInboxToCollect() throws Exception {
		// given
		KetenpoortClient raak = KetenpoortClient.connect(URI.create("http://localhost:" + this.port), "raak",
				this.tokens.partnerKey("raak"), Set.of("exchange:receive:client-profile"));

		// when
		Answer inbox = raak.inbox();
		Answer ack = raak.acknowledge(UUID.randomUUID().toString());

		// then: RAAK's documents are pushed to its endpoint (a pull partner's inbox and
		// acknowledgement are in DeliveryIntegrationTests, which has one)
		assertThat(inbox.status()).as(inbox.body()).isEqualTo(403);
		assertThat(inbox.body()).contains("\"code\":\"FORBIDDEN\"", "no inbox");
		assertThat(ack.status()).isIn(403, 404);
	}

	@Test
	void aConsentStatementVerifiesAgainstThePublishedKeysAndATamperedOneDoesNot() throws Exception {
		// given
		KetenpoortClient raak = KetenpoortClient.connect(URI.create("http://localhost:" + this.port), "raak",
				this.tokens.partnerKey("raak"), Set.of("exchange:receive:client-profile"));
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		Consent consent = this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		String statement = consent.statement();
		String[] parts = statement.split("\\.");
		String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

		// when
		Map<String, Object> claims = raak.verifyStatement(statement);

		// then
		assertThat(claims).containsEntry("purpose", "handover-coa-municipality");
		assertThatExceptionOfType(StatementInvalid.class).isThrownBy(() -> raak.verifyStatement(tampered));
	}

}
