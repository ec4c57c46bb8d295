package nl.ketenpoort.gateway.sandbox;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.adapters.raak.RaakMapping;
import nl.ketenpoort.adapters.vvs.VvsMapping;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox partners as the gateway's delivery meets them: each stores a document once
 * per idempotency key, refuses a consent statement that does not prove lawful receipt,
 * fails on request, and RAAK answers a client profile with a handover notice through the
 * public API.
 */
class SandboxPartnersIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	ConsentRegistry consents;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	Subjects subjects;

	@Autowired
	PartnerKeys partnerKeys;

	@Autowired
	JdbcClient jdbc;

	private String vNumber;

	private SubjectRef subject;

	@BeforeEach
	void statusHolder() {
		this.vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		this.subject = this.subjects.enrol(VNumber.parse(this.vNumber));
	}

	@AfterEach
	void everyPartnerBackToNormal() throws IOException {
		for (String partner : List.of("tvs", "raak", "vvs", "opstartklas", "taalschool-a", "taalschool-b")) {
			mode(partner, "ok");
		}
		Files.deleteIfExists(keyFile("raak"));
	}

	@Test
	void aDocumentIsStoredOncePerIdempotencyKeyAndRepeatsAreCounted() {
		// given
		Consent consent = grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));
		String key = UUID.randomUUID().toString();
		String body = vvsClientProfile().toString();

		// when
		HttpResponse<String> first = deliver("vvs", key, consent.statement(), body);
		HttpResponse<String> repeat = deliver("vvs", key, consent.statement(), body);

		// then
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(repeat.statusCode()).isEqualTo(200);
		assertThat(json(first).get("dossierId").asString()).isEqualTo(json(repeat).get("dossierId").asString());
		assertThat(json(repeat).get("duplicate").asBoolean()).isTrue();
		List<JsonNode> received = receivedWithKey("vvs", key);
		assertThat(received).hasSize(1);
		JsonNode document = received.get(0);
		assertThat(document.get("documentType").asString()).isEqualTo("client-profile");
		assertThat(document.get("consentId").asString()).isEqualTo(consent.id().toString());
		assertThat(document.get("duplicates").asInt()).isEqualTo(1);
		assertThat(document.get("body").get("dossierType").asString()).isEqualTo("klantprofiel");
		assertThat(document.get("traceparent").asString()).startsWith("00-");
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_received WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDeliveryWithoutAValidConsentStatementIsRefusedAndNotStored() throws Exception {
		// given
		Consent forRaak = grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		Consent forVvs = grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(forVvs.signingKid()).generate();
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(new com.nimbusds.jose.JOSEObjectType("consent+jwt"))
					.keyID(forVvs.signingKid())
					.build(),
				SignedJWT.parse(forVvs.statement()).getJWTClaimsSet());
		forged.sign(new ECDSASigner(stranger));
		String body = vvsClientProfile().toString();

		// when / then
		for (String statement : new String[] { null, "not-a-jws", forged.serialize(), forRaak.statement() }) {
			String key = UUID.randomUUID().toString();
			HttpResponse<String> response = deliver("vvs", key, statement, body);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(response).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
			assertThat(receivedWithKey("vvs", key)).isEmpty();
		}
	}

	/**
	 * Found by the security suite (SecurityFuzzIntegrationTests): a wildcard
	 * {@code Content-Type} on an endpoint that reads any body was a 500.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*" })
	void aWildcardContentTypeIsUnsupportedNotAFailure(String contentType) {
		// given
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode"))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofString("{\"a\":1}"));

		// when
		HttpResponse<String> response = send(request);

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(response).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aDeliveryWithoutIdempotencyKeyIsRefused() {
		Consent consent = grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs"))
			.header("Content-Type", "application/json")
			.header("Ketenpoort-Consent", consent.statement())
			.POST(BodyPublishers.ofString(vvsClientProfile().toString())));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
	}

	@Test
	void modesMakeThePartnerFailAndRecover() {
		// given
		Consent consent = grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));
		String body = vvsClientProfile().toString();

		// error-503: a problem document, nothing stored
		assertThat(json(mode("vvs", "error-503")).get("mode").asString()).isEqualTo("error-503");
		String failing = UUID.randomUUID().toString();
		HttpResponse<String> unavailable = deliver("vvs", failing, consent.statement(), body);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(json(unavailable).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(receivedWithKey("vvs", failing)).isEmpty();

		// down: 503 without a body and the connection closed, nothing stored
		send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode"))
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("down")));
		assertThat(json(send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode")))).get("mode").asString())
			.isEqualTo("down");
		HttpResponse<String> down = deliver("vvs", failing, consent.statement(), body);
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).isEmpty();
		assertThat(receivedWithKey("vvs", failing)).isEmpty();

		// slow: stored at once, answered after the delay
		send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"mode\":\"slow\",\"delay\":\"PT0.8S\"}")));
		Instant start = Instant.now();
		HttpResponse<String> slow = deliver("vvs", failing, consent.statement(), body);
		assertThat(slow.statusCode()).isEqualTo(200);
		assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(800));
		assertThat(receivedWithKey("vvs", failing)).hasSize(1);

		// ok again, the way curl -d ok sends it
		send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("ok")));
		assertThat(json(send(HttpRequest.newBuilder(uri("/sandbox/partners/vvs/mode")))).get("mode").asString())
			.isEqualTo("ok");
		HttpResponse<String> repeat = deliver("vvs", failing, consent.statement(), body);
		assertThat(repeat.statusCode()).isEqualTo(200);
		assertThat(receivedWithKey("vvs", failing).get(0).get("duplicates").asInt()).isEqualTo(1);
	}

	@Test
	void unknownPartnersAndModesAreRefused() {
		assertThat(send(HttpRequest.newBuilder(uri("/sandbox/partners/ggd/received"))).statusCode()).isEqualTo(404);
		HttpResponse<String> badMode = mode("vvs", "broken");
		assertThat(badMode.statusCode()).isEqualTo(400);
		assertThat(json(badMode).get("code").asString()).isEqualTo("INVALID_PARAMETER");
	}

	@Test
	void theFileDropPartnerShowsWhatLandsInItsDirectoryAndGoesAwayWhenDown() throws Exception {
		// given: a file as the file-drop adapter writes it
		Consent consent = grant("language-course-placement", "opstartklas", "taalschool-b",
				DocumentType.of("opstartklas-report"));
		Path directory = dataDir().resolve("sandbox").resolve("taalschool-b");
		String exchangeId = UUID.randomUUID().toString();
		ObjectNode file = JSON.createObjectNode();
		file.put("exchangeId", exchangeId);
		file.put("idempotencyKey", exchangeId);
		file.put("consentStatement", consent.statement());
		file.putObject("document").putObject("eindrapportage").put("vreemdelingennummer", this.vNumber);
		Files.writeString(directory.resolve(exchangeId + ".json"), file.toString(), StandardCharsets.UTF_8);

		// then
		List<JsonNode> received = receivedWithKey("taalschool-b", exchangeId);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).get("documentType").asString()).isEqualTo("opstartklas-report");
		assertThat(received.get(0).get("consentId").asString()).isEqualTo(consent.id().toString());

		// down: the directory is gone (as an unmounted share), ok brings it back
		mode("taalschool-b", "down");
		assertThat(directory).doesNotExist();
		mode("taalschool-b", "ok");
		assertThat(directory.resolve(exchangeId + ".json")).exists();
	}

	@Test
	void raakAnswersAClientProfileWithAHandoverNoticeThroughThePublicApi() throws Exception {
		// given: RAAK's key where the demo keeps it, and the status holder's consents
		ECKey raak = new ECKeyGenerator(Curve.P_256).keyID("sandbox-it-raak-" + UUID.randomUUID()).generate();
		this.partnerKeys.register("raak", raak.toPublicJWK());
		Files.createDirectories(keyFile("raak").getParent());
		Files.writeString(keyFile("raak"), raak.toJSONString(), StandardCharsets.UTF_8);
		Consent profile = grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		Consent notice = grant("handover-notice", "raak", "tvs", DocumentType.of("handover-notice"));
		ObjectNode canonical = ExchangeExamples.clientProfile();
		((ObjectNode) canonical.get("subject")).put("vNumber", this.vNumber);
		String exchangeId = UUID.randomUUID().toString();

		// when: the gateway delivers the profile in RAAK's format
		HttpResponse<String> delivered = deliver("raak", exchangeId, profile.statement(),
				new RaakMapping().toNative(DocumentType.of("client-profile"), canonical).toString());

		// then: RAAK submitted a handover notice for TVS, under its own consent
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		assertThat(json(delivered).has("berichtId")).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT count(*) FROM exchange WHERE sender = 'raak' AND recipient = 'tvs'
					AND document_type = 'handover-notice' AND idempotency_key = ? AND consent_id = ?""")
				.params("handover-" + exchangeId, notice.id())
				.query(Integer.class)
				.single()).isEqualTo(1));
	}

	private Consent grant(String purpose, String from, String to, DocumentType type) {
		var text = this.purposes.text(purpose, "nl");
		return this.consents
			.grant(new GrantRequest(this.subject, purpose, from, List.of(to), List.of(type), null,
					ConsentMethod.portal(), "nl", text.sha256()))
			.consent();
	}

	private ObjectNode vvsClientProfile() {
		ObjectNode canonical = ExchangeExamples.clientProfile();
		((ObjectNode) canonical.get("subject")).put("vNumber", this.vNumber);
		return (ObjectNode) new VvsMapping().toNative(DocumentType.of("client-profile"), canonical);
	}

	private HttpResponse<String> deliver(String partner, String key, String statement, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sandbox/partners/" + partner))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.header("traceparent", "00-" + "4bf92f3577b34da6a3ce929d0e0e4736" + "-00f067aa0ba902b7-01")
			.POST(BodyPublishers.ofString(body));
		if (statement != null) {
			request.header("Ketenpoort-Consent", statement);
		}
		return send(request);
	}

	private HttpResponse<String> mode(String partner, String mode) {
		return send(HttpRequest.newBuilder(uri("/sandbox/partners/" + partner + "/mode?mode=" + mode))
			.POST(BodyPublishers.noBody()));
	}

	private List<JsonNode> receivedWithKey(String partner, String key) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/sandbox/partners/" + partner + "/received")));
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).values()
			.stream()
			.filter((document) -> key.equals(document.get("idempotencyKey").asString()))
			.toList();
	}

	private static Path keyFile(String partner) {
		return dataDir().resolve("keys").resolve("partners").resolve(partner + ".jwk");
	}

}
