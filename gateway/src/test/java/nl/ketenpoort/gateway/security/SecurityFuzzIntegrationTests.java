package nl.ketenpoort.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security suite that stays (issue 17): thousands of generated requests against every
 * operation of the gateway's live OpenAPI document, each answer checked for the promises
 * of docs/security.md: no 5xx, every error a problem document with a known {@code code},
 * no stack trace or class name, no identifier the request did not carry, and every
 * refused submission audited once with bounded values only.
 * <p>
 * Why not {@code @Property}: jqwik runs properties in its own test engine, where the
 * Spring extension does not inject (and {@code jqwik-spring} is not served here), so the
 * one shared gateway context would not be reached. The generators are jqwik
 * {@code Arbitrary}s all the same, sampled here from a JUnit {@code @TestFactory} that
 * extends {@link GatewayIntegrationTest}: one dynamic test per operation, a fixed seed
 * per operation (reported on failure, changed with {@code -Dketenpoort.fuzz.seed}), and a
 * failure shrunk through jqwik's own {@link Shrinkable}s to the minimal request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityFuzzIntegrationTests extends GatewayIntegrationTest {

	static final long SEED = Long.getLong("ketenpoort.fuzz.seed", 17_2026_12_01L);

	/** Tries per operation; submissions get ten times as many. */
	static final int TRIES = Integer.getInteger("ketenpoort.fuzz.tries", 60);

	static final int SUBMISSION_TRIES = TRIES * 10;

	/**
	 * {@code -Dketenpoort.fuzz.explore=true}: every try runs and the failures are listed
	 * unshrunk, to see all findings at once rather than the first.
	 */
	static final boolean EXPLORE = Boolean.getBoolean("ketenpoort.fuzz.explore");

	/**
	 * A 9 or 10 digit number standing alone: a BSN or a V-number, if it is one. Not a
	 * JSON number ({@code "iat":1796118105}): identifiers are strings.
	 */
	private static final Pattern IDENTIFIER_LIKE = Pattern.compile("(?<![0-9A-Za-z_:])([0-9]{9,10})(?![0-9A-Za-z_])");

	private static final List<String> LEAKS = List.of("at nl.", "Exception", "java.lang", ".java:");

	private static final Set<String> CODES = Arrays.stream(ProblemCode.values())
		.map(Enum::name)
		.collect(java.util.stream.Collectors.toSet());

	/** The shapes of what Ketenpoort itself writes into each audit column. */
	private static final Map<String, Pattern> AUDIT_SHAPES = auditShapes();

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	DocumentSchemas schemas;

	@Autowired
	DataSource dataSource;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

	private final Map<KnownFindings, AtomicInteger> tolerated = new ConcurrentHashMap<>();

	/** Answers to submissions by status, to show the valid ones got through. */
	private final Map<Integer, AtomicInteger> submissionStatuses = new ConcurrentHashMap<>();

	private @Nullable FuzzFixture fixture;

	/** Whether the context runs the sandbox partners (the sandbox module's suite). */
	private boolean sandboxPartners;

	@BeforeAll
	void startSession() {
		JqwikSession.start();
	}

	@AfterAll
	void finishSession() {
		JqwikSession.finish();
		System.out.println("Security suite (seed " + SEED + "): " + total() + " requests, per operation "
				+ new TreeMap<>(this.sent) + "; submissions answered " + new TreeMap<>(this.submissionStatuses)
				+ "; known findings tolerated: " + this.tolerated);
	}

	@TestFactory
	Stream<DynamicTest> everyOperationKeepsItsPromisesUnderGeneratedRequests() {
		// given
		HttpResponse<String> document = send(HttpRequest.newBuilder(uri("/v3/api-docs")));
		assertThat(document.statusCode()).isEqualTo(200);
		List<ApiOperation> all = ApiOperation.all(json(document));
		assertThat(all).extracting(ApiOperation::key).contains(RequestGenerator.EXCHANGES);
		List<ApiOperation> operations = all.stream().filter(this::fuzzes).toList();
		this.sandboxPartners = all.stream().anyMatch((op) -> op.path().startsWith("/sandbox/partners"));
		boolean submissions = operations.stream().anyMatch((op) -> op.key().equals(RequestGenerator.EXCHANGES));
		FuzzFixture fixture = fixture();
		Map<DocumentType, SchemaDocuments> documents = new ConcurrentHashMap<>();
		RequestGenerator generator = new RequestGenerator(fixture,
				(type) -> documents.computeIfAbsent(type, (t) -> new SchemaDocuments(this.schemas.schema(t))));
		sandboxPartnersAnswerOk();

		// when, then
		Stream<DynamicTest> validFirst = submissions ? Stream.of(DynamicTest
			.dynamicTest("generated documents match their schema", () -> generatedDocumentsAreValid(documents)))
				: Stream.empty();
		Stream<DynamicTest> perOperation = operations.stream()
			.map((operation) -> DynamicTest.dynamicTest(operation.key(), () -> fuzz(operation, generator)));
		Stream<DynamicTest> coverage = Stream.of(DynamicTest.dynamicTest("every operation was covered", () -> {
			sandboxPartnersAnswerOk();
			assertThat(new TreeSet<>(this.sent.keySet()))
				.isEqualTo(new TreeSet<>(operations.stream().map(ApiOperation::key).toList()));
			if (submissions) {
				assertThat(total()).isGreaterThanOrEqualTo(2_000);
				assertThat(this.submissionStatuses).as("some generated submissions were accepted").containsKey(202);
			}
		}));
		return Stream.of(validFirst, perOperation, coverage).flatMap((tests) -> tests);
	}

	/**
	 * Which operations of the live document this run covers: all of them here; a subclass
	 * in another module's suite (the sandbox's) covers only what that module adds.
	 */
	boolean fuzzes(ApiOperation operation) {
		return true;
	}

	/**
	 * The submissions' "valid" documents must be valid, or the suite would test only the
	 * schema refusal: every document type, a hundred documents each.
	 */
	private void generatedDocumentsAreValid(Map<DocumentType, SchemaDocuments> documents) {
		for (DocumentType type : DocumentType.all()) {
			RandomGenerator<JsonNode> valid = documents
				.computeIfAbsent(type, (t) -> new SchemaDocuments(this.schemas.schema(t)))
				.valid()
				.generator(1_000, true);
			// The code, not the enum constant: its hash differs from run to run.
			Random random = new Random(SEED ^ type.code().hashCode());
			for (int i = 0; i < 100; i++) {
				JsonNode document = valid.next(random).value();
				assertThat(this.schemas.validate(type, document)).as(type.code() + " " + document).isEmpty();
			}
		}
	}

	private void fuzz(ApiOperation operation, RequestGenerator generator) {
		int tries = operation.key().equals(RequestGenerator.EXCHANGES) ? SUBMISSION_TRIES : TRIES;
		long seed = SEED ^ operation.key().hashCode();
		Random random = new Random(seed);
		RandomGenerator<FuzzRequest> requests = generator.requests(operation).generator(1_000, true);
		List<String> explored = new ArrayList<>();
		for (int i = 1; i <= tries; i++) {
			Shrinkable<FuzzRequest> request = requests.next(random);
			Optional<String> failure = check(request.value());
			this.sent.computeIfAbsent(operation.key(), (key) -> new AtomicInteger()).incrementAndGet();
			if (failure.isPresent() && EXPLORE) {
				explored.add("try " + i + ": " + request.value() + "\n  -> " + failure.get());
			}
			else if (failure.isPresent()) {
				Shrunk minimal = shrink(request, failure.get());
				throw new AssertionError(String.format(
						"%s failed on try %d of %d (seed %d, operation seed %d).%nOriginal request: %s%n"
								+ "Shrunk in %d steps to: %s%nWhat went wrong: %s",
						operation.key(), i, tries, SEED, seed, request.value(), minimal.steps(), minimal.request(),
						minimal.failure()));
			}
		}
		assertThat(explored).as(operation.key() + " failures (operation seed " + seed + ")").isEmpty();
	}

	/**
	 * Greedy shrinking: take the first simpler request that still fails, until none does
	 * (bounded, so a failure is reported within seconds).
	 */
	private Shrunk shrink(Shrinkable<FuzzRequest> failing, String failure) {
		Shrinkable<FuzzRequest> current = failing;
		String currentFailure = failure;
		int steps = 0;
		int attempts = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		boolean shrunk = true;
		while (shrunk && attempts < 300 && System.nanoTime() < deadline) {
			shrunk = false;
			Iterator<Shrinkable<FuzzRequest>> candidates = current.shrink().limit(40).iterator();
			while (candidates.hasNext() && attempts < 300) {
				Shrinkable<FuzzRequest> candidate = candidates.next();
				attempts++;
				Optional<String> candidateFailure = check(candidate.value());
				if (candidateFailure.isPresent()) {
					current = candidate;
					currentFailure = candidateFailure.get();
					steps++;
					shrunk = true;
					break;
				}
			}
		}
		return new Shrunk(current.value(), currentFailure, steps);
	}

	record Shrunk(FuzzRequest request, String failure, int steps) {
	}

	/** Sends the request and answers what is wrong with the answer, if anything. */
	Optional<String> check(FuzzRequest request) {
		Answer answer = exchange(request);
		if (request.operation().equals(RequestGenerator.EXCHANGES)) {
			this.submissionStatuses.computeIfAbsent(answer.status(), (status) -> new AtomicInteger()).incrementAndGet();
		}
		Optional<KnownFindings> known = KnownFindings.matching(request, answer);
		if (known.isPresent()) {
			this.tolerated.computeIfAbsent(known.get(), (k) -> new AtomicInteger()).incrementAndGet();
			return Optional.empty();
		}
		try {
			assertAnswerKeepsPromises(request, answer);
			return Optional.empty();
		}
		catch (AssertionError ex) {
			return Optional.of("answer " + answer + ": " + ex.getMessage());
		}
	}

	private void assertAnswerKeepsPromises(FuzzRequest request, Answer answer) {
		assertThat(answer.failure()).as("the gateway answers").isNull();
		boolean byDesign = request.operation().equals("GET /test-probe/failure");
		if (!byDesign) {
			assertThat(answer.status()).as("no 5xx").isLessThan(500);
		}
		for (String leak : LEAKS) {
			assertThat(answer.body()).as("no stack trace or class name").doesNotContain(leak);
		}
		if (answer.status() >= 400) {
			assertThat(answer.contentType()).as("an error is a problem document")
				.startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(answer.body());
			assertThat(problem.path("code").asString("")).as("a known problem code").isIn(CODES);
		}
		if (!request.operation().equals("GET /sandbox/partners/{id}/received")) {
			// What a sandbox partner received is shown as it arrived: a test and demo
			// simulator's own inbox, absent from production.
			assertNoIdentifierReflected(request, answer);
		}
		if (request.operation().equals(RequestGenerator.EXCHANGES) && answer.status() >= 400
				&& answer.status() != 401) {
			assertRefusalAudited(answer);
		}
	}

	private void assertNoIdentifierReflected(FuzzRequest request, Answer answer) {
		String carried = request.carried();
		Matcher matcher = IDENTIFIER_LIKE.matcher(answer.body());
		while (matcher.find()) {
			String digits = matcher.group(1);
			boolean identifier = digits.length() == 10 || nl.ketenpoort.schemas.validation.Bsn.isValid(digits);
			if (identifier) {
				assertThat(carried).as("an identifier in the answer that the request did not carry").contains(digits);
			}
		}
	}

	private void assertRefusalAudited(Answer answer) {
		String traceId = JSON.readTree(answer.body()).path("traceId").asString("");
		assertThat(traceId).as("the refusal names its trace").matches("[0-9a-f]{32}");
		this.fixtures.chained();
		List<Map<String, Object>> rows = JdbcClient.create(this.dataSource)
			.sql("SELECT event_type, reason_code, actor_kind, actor_id, actor_role, actor_organisation, purpose,"
					+ " legal_basis, subject_ref, sender, recipient, document_type, field_names::text AS field_names"
					+ " FROM audit_event WHERE trace_id = ?")
			.param(traceId)
			.query()
			.listOfRows();
		assertThat(rows).as("exactly one refused audit event for trace " + traceId)
			.filteredOn((row) -> "refused".equals(row.get("event_type")))
			.hasSize(1);
		for (Map<String, Object> row : rows) {
			for (Map.Entry<String, Pattern> column : AUDIT_SHAPES.entrySet()) {
				Object value = row.get(column.getKey());
				if (value == null) {
					continue;
				}
				String text = value.toString();
				if (column.getKey().equals("field_names")) {
					text = text.substring(1, text.length() - 1);
					for (String field : text.isEmpty() ? new String[0] : text.split(",")) {
						assertThat(field).as("audit field name").matches(column.getValue());
					}
				}
				else {
					assertThat(text).as("audit column " + column.getKey() + " holds a bounded value")
						.matches(column.getValue());
				}
			}
		}
	}

	private static Map<String, Pattern> auditShapes() {
		String unknown = "|unknown:[0-9a-f]{64}";
		String code = "[A-Za-z][A-Za-z0-9_.:-]{0,63}";
		String lower = "[a-z][a-z0-9_.-]{0,63}";
		Map<String, Pattern> shapes = new LinkedHashMap<>();
		shapes.put("reason_code", Pattern.compile(code + unknown));
		shapes.put("actor_kind", Pattern.compile(lower + unknown));
		shapes.put("actor_id",
				Pattern.compile("[a-z][a-z0-9-]{0,31}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}" + unknown));
		shapes.put("actor_role", Pattern.compile(code + unknown));
		shapes.put("actor_organisation", Pattern.compile(lower + unknown));
		shapes.put("purpose", Pattern.compile(lower + unknown));
		shapes.put("legal_basis", Pattern.compile(lower + unknown));
		shapes.put("subject_ref", Pattern.compile("(vnr|bsn)_[A-Za-z0-9_-]{43}" + unknown));
		shapes.put("sender", Pattern.compile("[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31}){0,15}" + unknown));
		shapes.put("recipient", Pattern.compile("[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31}){0,15}" + unknown));
		shapes.put("document_type", Pattern.compile(lower + unknown));
		shapes.put("field_names", Pattern.compile("\"?([A-Za-z][A-Za-z0-9.]{0,127}" + unknown + ")\"?"));
		return shapes;
	}

	/** What came back: a status, a content type and a body, or why nothing came. */
	record Answer(int status, String contentType, String body, @Nullable String failure) {

		@Override
		public String toString() {
			return (this.failure != null) ? "none (" + this.failure + ")"
					: this.status + " " + this.contentType + " " + FuzzRequest.shorten(this.body);
		}

	}

	private Answer exchange(FuzzRequest request) {
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + request.target()))
				.timeout(Duration.ofSeconds(30))
				.method(request.method(),
						(request.body() != null)
								? HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)
								: HttpRequest.BodyPublishers.noBody());
			for (Map.Entry<String, String> header : request.headers()) {
				builder.header(header.getKey(), header.getValue());
			}
			String credential = this.fixture().credentials().get(request.credential());
			if (credential != null) {
				builder.header("Authorization", credential);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The suite generated a request it cannot send: " + request, ex);
		}
		try {
			HttpResponse<String> response = this.client.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), null);
		}
		catch (IOException ex) {
			return new Answer(0, "", "", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int total() {
		return this.sent.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	/**
	 * The sandbox partners (when the context has them) answer again, whatever was sent.
	 */
	private void sandboxPartnersAnswerOk() {
		if (!this.sandboxPartners) {
			return;
		}
		for (String partner : FuzzValues.PARTNERS) {
			send(HttpRequest.newBuilder(uri("/sandbox/partners/" + partner + "/mode?mode=ok"))
				.POST(HttpRequest.BodyPublishers.noBody()));
		}
	}

	/**
	 * A status holder whose consents cover each route of {@link RequestGenerator#ROUTES},
	 * a second one, an accepted exchange, and one credential of every kind.
	 */
	private FuzzFixture fixture() {
		if (this.fixture != null) {
			return this.fixture;
		}
		String vNumber = randomVNumber();
		String otherVNumber = randomVNumber();
		SubjectRef subject = this.subjects.enrol(VNumber.parse(vNumber));
		SubjectRef other = this.subjects.enrol(VNumber.parse(otherVNumber));
		List<String> ids = new ArrayList<>();
		for (RequestGenerator.Route route : RequestGenerator.ROUTES) {
			ids.add(grant(subject, route));
		}
		ids.add(grant(other, RequestGenerator.ROUTES.get(0)));
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put(FuzzFixture.ANONYMOUS, null);
		credentials.put("invalid-token", "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0dnMifQ.c2lnbmF0dXJl");
		credentials.put("basic", "Basic dHZzOnNlY3JldA==");
		for (String partner : List.of("tvs", "raak", "opstartklas")) {
			credentials.put("partner-" + partner, "Bearer " + this.tokens.partner(partner));
		}
		for (Role role : Role.values()) {
			if (role == Role.PARTNER) {
				// No person holds the partner role: partners are the tokens above.
				continue;
			}
			String organisation = switch (role) {
				case CASE_MANAGER, PRIVACY_OFFICER -> "coa";
				case CLIENT_MANAGER -> "amsterdam";
				default -> null;
			};
			String pseudonym = (role == Role.STATUS_HOLDER) ? subject.pseudonym() : null;
			credentials.put("person-" + role.code(), "Bearer " + this.tokens.person(role, organisation, pseudonym));
		}
		this.fixture = new FuzzFixture(vNumber, otherVNumber, List.copyOf(ids), credentials,
				this.purposes.text("handover-coa-municipality", "nl").sha256());
		return this.fixture;
	}

	private String grant(SubjectRef subject, RequestGenerator.Route route) {
		return this.fixtures.grant(subject, route.purpose(), route.sender(), List.of(route.recipient()), route.type())
			.id()
			.toString();
	}

	/** V-numbers from the seed too, so that a failing run repeats exactly. */
	private final Random seeded = new Random(SEED);

	private String randomVNumber() {
		return String.valueOf(this.seeded.nextLong(1_000_000_000L, 9_999_999_999L));
	}

}
