package nl.ketenpoort.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates requests for one operation of the OpenAPI document: its path, query and
 * header parameters with values of valid and of mutated shapes, a credential of the right
 * or a wrong kind, and a body. Exchange submissions get documents generated from their
 * canonical schema, valid first, then mutated; other operations get arbitrary JSON and
 * non-JSON bodies under various {@code Content-Type}s.
 */
final class RequestGenerator {

	static final String EXCHANGES = "POST /api/v1/exchanges";

	static final String CONSENT_GRANT = "POST /api/v1/consents";

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** The routes the fixture's consents cover: the only way to a 202. */
	static final List<Route> ROUTES = List.of(
			new Route(DocumentType.of("client-profile"), "tvs", "raak", "handover-coa-municipality"),
			new Route(DocumentType.of("nt2-learner-profile"), "tvs", "taalschool-a", "language-course-placement"),
			new Route(DocumentType.of("opstartklas-report"), "opstartklas", "taalschool-a",
					"language-course-placement"),
			new Route(DocumentType.of("trajectory-plan"), "raak", "vvs", "social-guidance-vwn"),
			new Route(DocumentType.of("handover-notice"), "raak", "tvs", "handover-notice"));

	private final FuzzFixture fixture;

	private final Function<DocumentType, SchemaDocuments> documents;

	RequestGenerator(FuzzFixture fixture, Function<DocumentType, SchemaDocuments> documents) {
		this.fixture = fixture;
		this.documents = documents;
	}

	Arbitrary<FuzzRequest> requests(ApiOperation operation) {
		List<Arbitrary<Optional<FuzzValues.Value>>> path = operation.in("path")
			.stream()
			.map((parameter) -> Arbitraries
				.frequencyOf(Tuple.of(4, FuzzValues.valid(parameter, this.fixture)), Tuple.of(3, FuzzValues.mutated()))
				.map(Optional::of))
			.toList();
		List<Arbitrary<Optional<FuzzValues.Value>>> query = operation.in("query")
			.stream()
			.map((parameter) -> Arbitraries.frequencyOf(
					Tuple.of(2, Arbitraries.just(Optional.<FuzzValues.Value>empty())),
					Tuple.of(3, FuzzValues.valid(parameter, this.fixture).map(Optional::of)),
					Tuple.of(2, FuzzValues.mutated().map(Optional::of))))
			.toList();
		List<ApiOperation.Parameter> headerParameters = operation.in("header")
			.stream()
			.filter((parameter) -> !parameter.name().equalsIgnoreCase("Content-Type"))
			// A submission's key is generated with its body (valid, missing, too long).
			.filter((parameter) -> !(operation.key().equals(EXCHANGES) && parameter.name().equals("Idempotency-Key")))
			.toList();
		List<Arbitrary<Optional<FuzzValues.Value>>> headers = headerParameters.stream()
			.map((parameter) -> Arbitraries.frequencyOf(
					Tuple.of(1, Arbitraries.just(Optional.<FuzzValues.Value>empty())),
					Tuple.of(4, FuzzValues.valid(parameter, this.fixture).map(Optional::of)),
					Tuple.of(1, FuzzValues.mutated().filter((value) -> headerSafe(value.text())).map(Optional::of))))
			.toList();
		Arbitrary<Body> body = operation.key().equals(EXCHANGES) ? submissions()
				: bodies(operation).map((b) -> new Body(b, null, null));
		Arbitrary<String> credential = Arbitraries.of(this.fixture.credentialNames());
		return Combinators
			.combine(credential, Combinators.combine(path).as(List::copyOf),
					Combinators.combine(query).as(List::copyOf), Combinators.combine(headers).as(List::copyOf),
					FuzzValues.accepts(), body)
			.as((who, pathValues, queryValues, headerValues, accept, content) -> {
				String target = target(operation, pathValues, queryValues);
				List<Map.Entry<String, String>> sent = new ArrayList<>();
				for (int i = 0; i < headerParameters.size(); i++) {
					int index = i;
					headerValues.get(i)
						.ifPresent((value) -> sent.add(Map.entry(headerParameters.get(index).name(), value.text())));
				}
				if (content.idempotencyKey() != null) {
					sent.add(Map.entry("Idempotency-Key", content.idempotencyKey()));
				}
				if (!accept.isEmpty()) {
					sent.add(Map.entry("Accept", accept));
				}
				if (content.payload().contentType() != null) {
					sent.add(Map.entry("Content-Type", content.payload().contentType()));
				}
				String as = (content.sender() != null) ? content.sender() : who;
				return new FuzzRequest(operation.key(), as, operation.method(), target, List.copyOf(sent),
						content.payload().text());
			});
	}

	private static String target(ApiOperation operation, List<Optional<FuzzValues.Value>> pathValues,
			List<Optional<FuzzValues.Value>> queryValues) {
		String path = operation.path();
		List<ApiOperation.Parameter> inPath = operation.in("path");
		for (int i = 0; i < inPath.size(); i++) {
			FuzzValues.Value value = pathValues.get(i).orElseThrow();
			path = path.replace("{" + inPath.get(i).name() + "}", value.raw() ? value.text()
					: URLEncoder.encode(value.text(), StandardCharsets.UTF_8).replace("+", "%20"));
		}
		List<ApiOperation.Parameter> inQuery = operation.in("query");
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < inQuery.size(); i++) {
			Optional<FuzzValues.Value> value = queryValues.get(i);
			if (value.isPresent()) {
				query.append(query.isEmpty() ? "?" : "&")
					.append(inQuery.get(i).name())
					.append('=')
					.append(value.get().raw() ? value.get().text()
							: URLEncoder.encode(value.get().text(), StandardCharsets.UTF_8));
			}
		}
		return path + query;
	}

	/** Bodies of operations other than the submission. */
	private Arbitrary<Payload> bodies(ApiOperation operation) {
		Arbitrary<Payload> none = Arbitraries.just(new Payload(null, null));
		Arbitrary<String> jsonType = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("application/json")),
				Tuple.of(2, FuzzValues.contentTypes()));
		Arbitrary<Payload> json = Combinators.combine(jsonType, FuzzValues.json(3))
			.as((type, value) -> new Payload(type, value.toString()));
		Arbitrary<Payload> other = Combinators.combine(FuzzValues.contentTypes(), FuzzValues.nonJson())
			.as(Payload::new);
		if (!operation.takesBody()) {
			return Arbitraries.frequencyOf(Tuple.of(8, none), Tuple.of(1, other));
		}
		if (operation.key().equals(CONSENT_GRANT)) {
			return Arbitraries.frequencyOf(Tuple.of(1, none), Tuple.of(2, json), Tuple.of(2, other),
					Tuple.of(4, grants()));
		}
		return Arbitraries.frequencyOf(Tuple.of(1, none), Tuple.of(3, json), Tuple.of(2, other));
	}

	/** Consent grants that are valid but for one to three mutations. */
	private Arbitrary<Payload> grants() {
		ObjectNode grant = nodes.objectNode();
		grant.put("purpose", "handover-coa-municipality");
		grant.put("from", "tvs");
		grant.putArray("to").add("raak");
		grant.putArray("documentTypes").add("client-profile");
		grant.put("language", "nl");
		grant.put("textSha256", this.fixture.grantTextSha256());
		grant.put("vNumber", this.fixture.otherVNumber());
		grant.put("evidenceReference", "paper-form-1");
		return Combinators.combine(Mutation.any().list().ofMinSize(0).ofMaxSize(3), nestingDepths())
			.as((mutations, depth) -> new Payload("application/json", Mutation.apply(grant, mutations, depth)));
	}

	/** Exchange submissions: a route, a credential, a key, a body. */
	private Arbitrary<Body> submissions() {
		return Arbitraries.of(ROUTES).flatMap((route) -> {
			Arbitrary<String> sender = Arbitraries.frequencyOf(
					Tuple.of(5, Arbitraries.just("partner-" + route.sender())),
					Tuple.of(3, Arbitraries.of(this.fixture.credentialNames())));
			Arbitrary<@Nullable String> key = Arbitraries.frequencyOf(Tuple.of(10, FuzzValues.uuids()), Tuple.of(1,
					Arbitraries.of("", " ", "k".repeat(201), "ключ", "\u0000").map(RequestGenerator::headerOrNull)),
					Tuple.of(1, Arbitraries.just(null)));
			Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
					Tuple.of(2, FuzzValues.contentTypes()));
			Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(3, envelopes(route, SubmissionKind.VALID)),
					Tuple.of(3, envelopes(route, SubmissionKind.DOCUMENT_MUTATED)),
					Tuple.of(2, envelopes(route, SubmissionKind.ENVELOPE_MUTATED)),
					Tuple.of(1, FuzzValues.json(3).map(JsonNode::toString)), Tuple.of(1, FuzzValues.nonJson()));
			return Combinators.combine(sender, key, type, text)
				.as((who, idempotencyKey, contentType, body) -> new Body(new Payload(contentType, body), who,
						idempotencyKey));
		});
	}

	private Arbitrary<String> envelopes(Route route, SubmissionKind kind) {
		Arbitrary<List<Mutation>> mutations = (kind == SubmissionKind.VALID) ? Arbitraries.just(List.of())
				: Mutation.any().list().ofMinSize(1).ofMaxSize(3);
		return Combinators.combine(this.documents.apply(route.type()).valid(), mutations, nestingDepths())
			.as((document, changes, depth) -> {
				ObjectNode about = ((ObjectNode) document.deepCopy());
				about.putObject("subject").put("vNumber", this.fixture.vNumber());
				ObjectNode envelope = nodes.objectNode();
				envelope.put("documentType", route.type().code());
				envelope.put("purpose", route.purpose());
				envelope.put("recipient", route.recipient());
				envelope.putObject("subject").put("vNumber", this.fixture.vNumber());
				if (kind == SubmissionKind.DOCUMENT_MUTATED) {
					JsonNode changed = about;
					for (Mutation mutation : changes) {
						changed = mutation.applyTo(changed);
					}
					envelope.set("document", changed);
					return Mutation.apply(envelope, List.of(), depth);
				}
				envelope.set("document", about);
				return Mutation.apply(envelope, changes, depth);
			});
	}

	private static Arbitrary<Integer> nestingDepths() {
		return Arbitraries.of(40, 600, 3_000);
	}

	private static boolean headerSafe(String value) {
		return value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
	}

	private static @Nullable String headerOrNull(String value) {
		return headerSafe(value) ? value : null;
	}

	enum SubmissionKind {

		VALID, DOCUMENT_MUTATED, ENVELOPE_MUTATED

	}

	/** Who may send which document type to whom, under which purpose. */
	record Route(DocumentType type, String sender, String recipient, String purpose) {
	}

	/** A body and its {@code Content-Type}; both {@code null} for none. */
	record Payload(@Nullable String contentType, @Nullable String text) {
	}

	/**
	 * A body with, for submissions, the credential and {@code Idempotency-Key} that go
	 * with it.
	 */
	record Body(Payload payload, @Nullable String sender, @Nullable String idempotencyKey) {
	}

}
