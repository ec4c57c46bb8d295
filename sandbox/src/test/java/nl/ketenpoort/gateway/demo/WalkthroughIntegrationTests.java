package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.BackgroundVerification;
import nl.ketenpoort.gateway.delivery.internal.DeliveryWorker;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.ketenpoort.gateway.demo.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough's steps that do not wait for delivery, with the helper the end-to-end
 * test uses: a status holder consents in Tigrinya, TVS's export is accepted, the
 * trajectory plan is refused for VluchtelingenWerk until its own consent, a revocation is
 * recorded, and the privacy officer finds the chain intact.
 */
class WalkthroughIntegrationTests extends GatewayIntegrationTest {

	private static final List<String> SENDERS = List.of("tvs", "raak", "opstartklas");

	@Autowired
	TestTokens tokens;

	@Autowired
	PartnerKeys partnerKeys;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry consents;

	@Autowired
	PurposeCatalogue purposes;

	private Walkthrough walkthrough;

	@BeforeEach
	void partnerKeysWhereTheDemoKeepsThem() throws Exception {
		for (String partner : SENDERS) {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID("walk-" + partner + "-" + UUID.randomUUID()).generate();
			this.partnerKeys.register(partner, key.toPublicJWK());
			Files.createDirectories(keyFile(partner).getParent());
			Files.writeString(keyFile(partner), key.toJSONString(), StandardCharsets.UTF_8);
		}
		this.walkthrough = new Walkthrough(URI.create("http://127.0.0.1:" + this.port), dataDir());
	}

	@AfterEach
	void noKeysLeftBehind() throws IOException {
		for (String partner : SENDERS) {
			Files.deleteIfExists(keyFile(partner));
		}
	}

	@Test
	void theWholeLineWorksAsWritten() {
		// given: a status holder with a login, and the consent he gave with an
		// interpreter
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		SubjectRef subject = this.subjects.enrol(VNumber.parse(vNumber));
		this.consents.grant(new GrantRequest(subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				List.of(DocumentType.of("client-profile")), null,
				ConsentMethod.onBehalfInterpreter("cm-coa", "TOLK-BOOKING-TEST"), "ti",
				this.purposes.text("social-guidance-vwn", "ti").sha256()));
		TestTokens.Login yonas = this.tokens.newPerson(Role.STATUS_HOLDER, null, subject.pseudonym());
		String token = this.walkthrough.personToken(yonas.username(), yonas.password());

		// 1. he consents in Tigrinya
		HttpResponse<String> handover = this.walkthrough.consent(token, "handover-coa-municipality", "tvs", "raak",
				"client-profile", "ti");
		assertThat(handover.statusCode()).as(handover.body()).isEqualTo(201);
		assertThat(json(handover).get("method").asString()).isEqualTo("portal");
		assertThat(json(handover).get("language").asString()).isEqualTo("ti");
		assertThat(
				this.walkthrough.consent(token, "handover-notice", "raak", "tvs", "handover-notice", "ti").statusCode())
			.isEqualTo(201);

		// 2. TVS exports his client profile
		HttpResponse<String> profile = this.walkthrough.submit("tvs", "handover-coa-municipality", "raak",
				"client-profile", "yonas-gebremedhin-eritrea.json", vNumber, key());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(202);
		assertThat(json(profile).get("consentId").asString()).isEqualTo(json(handover).get("id").asString());

		// 3. RAAK receives it and answers with a handover notice naming the client
		// manager
		String profileId = json(profile).get("id").asString();
		deliverUntil(() -> received("raak", profileId));
		deliverUntil(() -> this.walkthrough.received("tvs")
			.stream()
			.anyMatch((document) -> "handover-notice".equals(document.path("documentType").asString(""))
					&& document.path("body").toString().contains(profileId)));

		// 4. the opstartklas report for the school he chose
		assertThat(this.walkthrough
			.consent(token, "language-course-placement", "opstartklas", "taalschool-a", "opstartklas-report", "ti")
			.statusCode()).isEqualTo(201);
		HttpResponse<String> report = this.walkthrough.submit("opstartklas", "language-course-placement",
				"taalschool-a", "opstartklas-report", "elif-demir-turkey.json", vNumber, key());
		assertThat(report.statusCode()).isEqualTo(202);
		deliverUntil(() -> received("taalschool-a", json(report).get("id").asString()));

		// 5. the trajectory plan: refused, then consented, then accepted
		HttpResponse<String> refused = this.walkthrough.submit("raak", "social-guidance-vwn", "vvs", "trajectory-plan",
				"yonas-gebremedhin-eritrea.json", vNumber, key());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).get("code").asString()).isEqualTo("CONSENT_REFUSED");
		assertThat(this.walkthrough.consent(token, "social-guidance-vwn", "raak", "vvs", "trajectory-plan", "ti")
			.statusCode()).isEqualTo(201);
		HttpResponse<String> plan = this.walkthrough.submit("raak", "social-guidance-vwn", "vvs", "trajectory-plan",
				"yonas-gebremedhin-eritrea.json", vNumber, key());
		assertThat(plan.statusCode()).isEqualTo(202);
		deliverUntil(() -> received("vvs", json(plan).get("id").asString()));

		// 6. VVS down, a profile queued, the consent revoked, VVS up again
		assertThat(json(this.walkthrough.mode("vvs", "down")).get("mode").asString()).isEqualTo("down");
		HttpResponse<String> queued = this.walkthrough.submit("tvs", "social-guidance-vwn", "vvs", "client-profile",
				"yonas-gebremedhin-eritrea.json", vNumber, key());
		assertThat(queued.statusCode()).isEqualTo(202);
		String consentId = json(queued).get("consentId").asString();
		HttpResponse<String> revoked = this.walkthrough.revoke(token, consentId);
		assertThat(json(revoked).get("status").asString()).isEqualTo("revoked");
		assertThat(json(this.walkthrough.mode("vvs", "ok")).get("mode").asString()).isEqualTo("ok");
		String queuedId = json(queued).get("id").asString();
		deliverUntil(() -> "refused".equals(exchangeStatus(queuedId)));
		assertThat(received("vvs", queuedId)).as("the revoked document never arrives").isFalse();

		// 7. the privacy officer verifies the chain and exports his log
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		String po = this.walkthrough.personToken(officer.username(), officer.password());
		HttpResponse<String> started = this.walkthrough.post("/api/v1/audit/verify", po);
		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode verified = BackgroundVerification.awaitFinished(
				() -> json(this.walkthrough.get(started.headers().firstValue("Location").orElseThrow(), po)),
				(job) -> "running".equals(job.get("state").asString()));
		assertThat(verified.get("result").get("intact").asBoolean()).isTrue();
		HttpResponse<String> export = this.walkthrough.postJson("/api/v1/audit/exports", po,
				"{\"vNumber\":\"" + vNumber + "\",\"format\":\"csv\"}");
		assertThat(export.statusCode()).isEqualTo(200);
		// COA's officer sees the events that involve COA: its exports and the consents
		// for them.
		assertThat(export.body()).contains("consent-granted,SUCCESS,on-behalf-interpreter")
			.contains("accepted,SUCCESS,,handover-coa-municipality");
	}

	@Autowired
	DeliveryWorker delivery;

	@Autowired
	DataSource dataSource;

	/**
	 * Runs delivery rounds, as a running gateway does on its own, until the condition
	 * holds.
	 */
	private void deliverUntil(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(60);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("reached in time").isBefore(deadline);
			this.delivery.runOnce();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private boolean received(String partner, String exchangeId) {
		return this.walkthrough.received(partner)
			.stream()
			.anyMatch((document) -> exchangeId.equals(document.path("idempotencyKey").asString("")));
	}

	private String exchangeStatus(String id) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT status FROM exchange WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

	private static String key() {
		return "walkthrough-" + UUID.randomUUID();
	}

	private static Path keyFile(String partner) {
		return dataDir().resolve("keys").resolve("partners").resolve(partner + ".jwk");
	}

}
