package nl.ketenpoort.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.fields.Field;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accept path end to end on the running gateway and its PostgreSQL: what is accepted,
 * what is refused and why, what is stored, and that every refusal is audited and stores
 * nothing.
 */
class ExchangeIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ConsentRegistry consents;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	DocumentSchemas schemas;

	@Autowired
	DataSource dataSource;

	private String vNumber;

	private SubjectRef subject;

	@BeforeEach
	void statusHolderWithConsents() {
		Fixtures.StatusHolder statusHolder = this.fixtures.newStatusHolder();
		this.vNumber = statusHolder.vNumber();
		this.subject = statusHolder.subject();
		grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"));
		grant("social-guidance-vwn", "raak", "vvs", DocumentType.of("trajectory-plan"));
		grant("language-course-placement", "tvs", "taalschool-a", DocumentType.of("nt2-learner-profile"));
		grant("language-course-placement", "opstartklas", "taalschool-a", DocumentType.of("opstartklas-report"));
		grant("handover-notice", "raak", "tvs", DocumentType.of("handover-notice"));
	}

	@ParameterizedTest
	@CsvSource({ "tvs, raak, client-profile, handover-coa-municipality",
			"tvs, taalschool-a, nt2-learner-profile, language-course-placement",
			"opstartklas, taalschool-a, opstartklas-report, language-course-placement",
			"raak, vvs, trajectory-plan, social-guidance-vwn", "raak, tvs, handover-notice, handover-notice" })
	void eachDocumentTypeIsAcceptedUnderItsPurpose(String sender, String recipient, String type, String purpose) {
		HttpResponse<String> response = submit(sender, UUID.randomUUID().toString(),
				request(type, purpose, recipient, example(type)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode body = json(response);
		assertThat(body.get("status").asString()).isEqualTo("accepted");
		assertThat(response.headers().firstValue("Location"))
			.contains("/api/v1/exchanges/" + body.get("id").asString());
		UUID id = UUID.fromString(body.get("id").asString());
		assertThat(auditTypes(id)).containsExactly("accepted");
	}

	@Test
	void storedPayloadHoldsExactlyTheAllowedFieldsAndIsEncrypted() {
		// given: the VluchtelingenWerk purpose, which does not cover health or wellbeing
		ObjectNode profile = example("client-profile");
		Set<String> allowed = this.purposes.get("social-guidance-vwn")
			.categoriesFor(DocumentType.of("client-profile"))
			.orElseThrow();

		// when
		HttpResponse<String> response = submit("tvs", UUID.randomUUID().toString(),
				request("client-profile", "social-guidance-vwn", "vvs", profile));

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		UUID id = UUID.fromString(json(response).get("id").asString());
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		byte[] stored = jdbc.sql("SELECT payload_sealed FROM exchange WHERE id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(stored[0]).as("format 1").isEqualTo((byte) 0x01);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(this.vNumber)
			.doesNotContain("Amira");
		assertThat(
				jdbc.sql("SELECT payload IS NULL FROM exchange WHERE id = ?").param(id).query(Boolean.class).single())
			.as("no JWE any more")
			.isTrue();
		ObjectNode decrypted = (ObjectNode) JSON.readTree(this.storeOf().payload(id).orElseThrow());
		List<String> expected = this.schemas.fieldNames(profile)
			.stream()
			.filter((path) -> allowedPath(path, allowed))
			.toList();
		assertThat(this.schemas.fieldNames(decrypted)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(expected).isNotEmpty();
		assertThat(this.schemas.fieldNames(profile)).hasSizeGreaterThan(expected.size());
		assertThat(json(response).get("fields").values().stream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void unknownDocumentTypeIsRefused() {
		assertRefused(
				submit("tvs", key(),
						request("passport-scan", "handover-coa-municipality", "raak", example("client-profile"))),
				400, "UNKNOWN_DOCUMENT_TYPE");
	}

	@Test
	void anEnvelopeWithTwoProblemsIsOne400ListingBoth() {
		// given an envelope without a recipient whose subject carries a malformed
		// V-number
		ObjectNode request = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"));
		request.remove("recipient");
		((ObjectNode) request.get("subject")).put("vNumber", "12");

		// when
		JsonNode problem = assertRefused(submit("tvs", key(), request), 400, "INVALID_ENVELOPE");

		// then both are listed, by pointer and code, in one answer (ADR
		// /core/error-handling/all-errors)
		assertThat(problem.get("errors").values().stream().map((error) -> error.get("pointer").asString()).toList())
			.containsExactly("/recipient", "/subject/vNumber");
		assertThat(problem.get("errors").values().stream().map((error) -> error.get("code").asString()).toList())
			.containsExactly("INVALID_ENVELOPE", "INVALID_SUBJECT");
		assertThat(problem.toString()).as("never the value sent").doesNotContain("\"12\"");
	}

	@Test
	void unknownPurposeIsRefused() {
		assertRefused(submit("tvs", key(), request("client-profile", "marketing", "raak", example("client-profile"))),
				400, "UNKNOWN_PURPOSE");
	}

	@Test
	void unknownRecipientIsRefused() {
		assertRefused(
				submit("tvs", key(),
						request("client-profile", "handover-coa-municipality", "ind", example("client-profile"))),
				400, "UNKNOWN_RECIPIENT");
	}

	@Test
	void documentTheSenderMayNotSendIsRefused() {
		// TVS does not hold trajectory plans; only RAAK may send them
		assertRefused(
				submit("tvs", key(),
						request("trajectory-plan", "social-guidance-vwn", "vvs", example("trajectory-plan"))),
				403, "SENDER_NOT_ALLOWED");
	}

	@Test
	void trajectoryPlanNeverGoesToALanguageProvider() {
		assertRefused(
				submit("raak", key(),
						request("trajectory-plan", "social-guidance-vwn", "taalschool-a", example("trajectory-plan"))),
				403, "SENDER_NOT_ALLOWED");
	}

	@Test
	void withoutConsentTheExchangeIsRefusedWithTheRegistryReason() {
		ObjectNode request = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"));
		((ObjectNode) request.get("subject")).put("vNumber", "1234509876");
		((ObjectNode) request.get("document").get("subject")).put("vNumber", "1234509876");

		HttpResponse<String> response = submit("tvs", key(), request);

		JsonNode problem = assertRefused(response, 403, "CONSENT_REFUSED");
		assertThat(problem.get("reason").asString()).isEqualTo("NO_CONSENT");
	}

	@Test
	void afterRevocationTheExchangeIsRefusedAsRevoked() {
		Consent consent = this.consents.listForSubject(this.subject)
			.stream()
			.filter((c) -> c.purpose().equals("handover-coa-municipality"))
			.findFirst()
			.orElseThrow();
		this.consents.revoke(consent.id(), "test", "status holder withdrew");

		HttpResponse<String> response = submit("tvs", key(),
				request("client-profile", "handover-coa-municipality", "raak", example("client-profile")));

		assertThat(assertRefused(response, 403, "CONSENT_REFUSED").get("reason").asString()).isEqualTo("REVOKED");
	}

	@Test
	void invalidDocumentIsRefusedWithPointersAndWithoutItsValues() {
		ObjectNode profile = example("client-profile");
		profile.put("birthDate", "Amira-31-02");

		HttpResponse<String> response = submit("tvs", key(),
				request("client-profile", "handover-coa-municipality", "raak", profile));

		JsonNode problem = assertRefused(response, 400, "SCHEMA_VIOLATION");
		assertThat(problem.get("violations").values().stream().map((v) -> v.get("pointer").asString()).toList())
			.contains("/document/birthDate");
		assertThat(response.body()).doesNotContain("Amira-31-02");
	}

	@Test
	void manyViolationsAreListedUpToTheCapAndCountedBeyondIt() {
		ObjectNode profile = example("client-profile");
		for (int i = 0; i < 1000; i++) {
			profile.put("unknown" + i, i);
		}

		HttpResponse<String> response = submit("tvs", key(),
				request("client-profile", "handover-coa-municipality", "raak", profile));

		JsonNode problem = assertRefused(response, 400, "SCHEMA_VIOLATION");
		assertThat(problem.get("violations").size()).isEqualTo(100);
		assertThat(problem.get("violationsOmitted").asInt()).isEqualTo(900);
		assertThat(problem.get("detail").asString()).contains("1000");
		assertThat(response.body().length()).isLessThan(32 * 1024);
	}

	@Test
	void oversizedSubmissionIsRefusedAndAudited() {
		ObjectNode profile = example("client-profile");
		profile.put("contextNotes", "x".repeat(1024 * 1024));

		assertRefused(submit("tvs", key(), request("client-profile", "handover-coa-municipality", "raak", profile)),
				413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void wrongMediaTypeIsRefusedAndAudited() {
		String key = key();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("documentType=client-profile")));

		assertRefused(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	/**
	 * Found by the security suite (SecurityFuzzIntegrationTests): an Accept header
	 * without JSON was refused by Spring MVC (406) before the controller, unaudited.
	 */
	@Test
	void submissionThatAcceptsNoJsonIsRefusedAndAudited() {
		// given
		ObjectNode request = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"));

		// when
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", key())
			.header("Content-Type", "application/json")
			.header("Accept", "text/html")
			.POST(BodyPublishers.ofString(request.toString())));

		// then
		assertRefused(response, 406, "NOT_ACCEPTABLE");
	}

	/**
	 * Found by the security suite (SecurityFuzzIntegrationTests): a person's token was
	 * refused by access control (403) before the controller, unaudited.
	 */
	@Test
	void submissionWithAPersonsTokenIsRefusedAndAudited() {
		// given
		String operator = this.tokens.person(Role.OPERATOR, null);
		ObjectNode request = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"));

		// when
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + operator)
			.header("Idempotency-Key", key())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));

		// then
		assertRefused(response, 403, "FORBIDDEN");
	}

	@Test
	void missingIdempotencyKeyIsRefused() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers
				.ofString(request("client-profile", "handover-coa-municipality", "raak", example("client-profile"))
					.toString())));

		assertRefused(response, 400, "IDEMPOTENCY_KEY_MISSING");
	}

	@Test
	void sameKeyAndBodyReturnTheFirstResultAndAnotherBodyConflicts() {
		String key = key();
		ObjectNode request = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"));

		HttpResponse<String> first = submit("tvs", key, request);
		HttpResponse<String> again = submit("tvs", key, request);
		((ObjectNode) request.get("document")).put("birthDate", "1991-04-18");
		HttpResponse<String> other = submit("tvs", key, request);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(json(again).get("id")).isEqualTo(json(first).get("id"));
		assertRefused(other, 409, "IDEMPOTENCY_CONFLICT");
	}

	@Test
	void senderSeesItsExchangeAndOthersDoNot() {
		HttpResponse<String> accepted = submit("tvs", key(),
				request("client-profile", "handover-coa-municipality", "raak", example("client-profile")));
		String location = accepted.headers().firstValue("Location").orElseThrow();

		HttpResponse<String> own = send(
				HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + this.tokens.partner("tvs")));
		HttpResponse<String> other = send(
				HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + this.tokens.partner("vvs")));

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(json(own).get("status").asString()).isEqualTo("accepted");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("handover-coa-municipality");
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT actor_id FROM audit_event WHERE event_type = 'access-denied' AND exchange_id = ?")
			.param(UUID.fromString(json(accepted).get("id").asString()))
			.query(String.class)
			.list()).as("the refused read is audited").containsExactly("vvs");
	}

	@Test
	void twoHundredParallelSubmissionsWithFiftyKeysMakeFiftyExchanges() throws Exception {
		String token = this.tokens.partner("tvs");
		String prefix = UUID.randomUUID().toString();
		String body = request("client-profile", "handover-coa-municipality", "raak", example("client-profile"))
			.toString();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String key = prefix + "-" + (i % 50);
				futures.add(pool.submit(() -> send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
					.header("Authorization", "Bearer " + token)
					.header("Idempotency-Key", key)
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(body)))));
			}
			Set<String> ids = new HashSet<>();
			for (Future<HttpResponse<String>> future : futures) {
				HttpResponse<String> response = future.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
				ids.add(json(response).get("id").asString());
			}

			assertThat(ids).hasSize(50);
			assertThat(JdbcClient.create(this.dataSource)
				.sql("SELECT count(*) FROM exchange WHERE idempotency_key LIKE ?")
				.param(prefix + "-%")
				.query(Long.class)
				.single()).isEqualTo(50);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private JsonNode assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		String traceId = problem.get("traceId").asString();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		this.fixtures.chained();
		assertThat(jdbc.sql("SELECT reason_code FROM audit_event WHERE trace_id = ? AND event_type = 'refused'")
			.param(traceId)
			.query(String.class)
			.list()).as("refusal audited").hasSize(1);
		assertThat(
				jdbc.sql("SELECT count(*) FROM exchange WHERE trace_id = ?").param(traceId).query(Long.class).single())
			.as("nothing stored")
			.isZero();
		return problem;
	}

	private List<String> auditTypes(UUID exchangeId) {
		return this.fixtures.auditTypes(exchangeId);
	}

	private boolean allowedPath(String path, Set<String> allowedCategories) {
		return this.schemas.fields(DocumentType.of("client-profile"))
			.stream()
			.filter((field) -> field.path().equals(path))
			.map(Field::category)
			.anyMatch((category) -> allowedCategories.contains(category.code()));
	}

	private Exchanges storeOf() {
		return this.applicationContext.getBean(Exchanges.class);
	}

	@Autowired
	org.springframework.context.ApplicationContext applicationContext;

	private HttpResponse<String> submit(String sender, String idempotencyKey, ObjectNode request) {
		return send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner(sender))
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
	}

	private ObjectNode request(String type, String purpose, String recipient, ObjectNode document) {
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", type);
		request.put("purpose", purpose);
		request.put("recipient", recipient);
		request.putObject("subject").put("vNumber", this.vNumber);
		request.set("document", ExchangeExamples.about(document, this.vNumber));
		return request;
	}

	static ObjectNode example(String type) {
		String name = switch (type) {
			case "client-profile", "nt2-learner-profile", "handover-notice" -> "amira-al-khatib-syria.json";
			default -> null;
		};
		String folder = "examples/" + type + "/valid/";
		try (InputStream in = (name != null)
				? ExchangeIntegrationTests.class.getClassLoader().getResourceAsStream(folder + name)
				: firstExample(folder)) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InputStream firstExample(String folder) throws IOException {
		var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
		return resolver.getResources("classpath:" + folder + "*.json")[0].getInputStream();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private void grant(String purpose, String from, String to, DocumentType type) {
		this.fixtures.grant(this.subject, purpose, from, List.of(to), type);
	}

}
