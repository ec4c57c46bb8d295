package nl.ketenpoort.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values the security suite puts into parameters, headers and bodies: values of the
 * shape an operation expects, and the mutated shapes an attacker or a broken client sends
 * (empty, very long, unicode, control characters, {@code %00}, extreme numbers, wrong
 * types, malformed UUIDs, identifiers).
 */
final class FuzzValues {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** The sandbox partners' modes: never generated, so no partner is switched off. */
	static final Set<String> SANDBOX_MODES = Set.of("ok", "error-503", "slow", "down");

	static final List<String> PARTNERS = List.of("tvs", "raak", "vvs", "opstartklas", "taalschool-a", "taalschool-b");

	/** Values of shapes no parameter expects, sent as they are (URL-encoded). */
	static final List<String> MUTATED = List.of("", " ", "x".repeat(2_000), "تست-ሰላም-سلام", "🙂🙃", "e\u0301\u202e",
			"\u0000", "a\u0000b", "\t", "\r\n", "\u001b[31m", "\u007f", "\ud800", "-1", "-2147483649", "2147483648",
			"99999999999999999999999999", "1e309", "NaN", "-0", "0x10", "1.5", "true", "null", "[]", "{}", "{\"a\":1}",
			"abc", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
			"zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "00000000000000000000000000000000",
			"{123e4567-e89b-12d3-a456-426614174000}", "1-1-1-1-1", "../../etc/passwd", "..", "a/b", "\\", "' OR 1=1 --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "%s%n", "1234567890",
			"V-123.456.789-0", "123456782", "123456789", "12345678");

	/**
	 * Percent sequences put into the URL as they are, not encoded again: an encoded NUL,
	 * dot, slash, backslash and percent, and a path parameter.
	 */
	static final List<String> RAW = List.of("%00", "a%00b", "%2e%2e", "%2e%2e%2f", "%2F", "%5C", "%25", "%0d%0a",
			";jsessionid=1", "%C0%AE", "%ff");

	/**
	 * A value longer than any request line Tomcat takes (8 KB): Tomcat refuses it before
	 * Spring, and the answer must still be a problem document.
	 */
	static final String OVERLONG = "x".repeat(10_000);

	private FuzzValues() {
	}

	/** Random text of any Unicode characters, including unpaired surrogates. */
	static Arbitrary<String> anyText() {
		return Arbitraries.strings().all().ofMaxLength(40);
	}

	/** A mutated value: one of the named shapes, or random text. */
	static Arbitrary<Value> mutated() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(MUTATED).map(Value::encoded)),
				Tuple.of(2, Arbitraries.of(RAW).map(Value::raw)), Tuple.of(3, anyText().map(Value::encoded)),
				Tuple.of(1, Arbitraries.just(Value.encoded(OVERLONG))));
	}

	/** A value of the shape the parameter expects. */
	static Arbitrary<Value> valid(ApiOperation.Parameter parameter, FuzzFixture fixture) {
		Arbitrary<String> value = switch (parameter.name()) {
			case "vNumber" -> Arbitraries.oneOf(Arbitraries.just(fixture.vNumber()), vNumbers(),
					vNumbers().map((digits) -> "V " + digits.substring(0, 4) + "." + digits.substring(4)));
			case "bsn" -> bsns();
			case "lang" -> Arbitraries.of("nl", "en", "ar", "ti", "fa", "tr");
			case "format" -> Arbitraries.of("csv", "json");
			case "partner" -> Arbitraries.of(PARTNERS);
			case "purpose" -> Arbitraries.of("handover-coa-municipality", "social-guidance-vwn",
					"language-course-placement", "handover-notice");
			case "outcome" -> Arbitraries.of("accepted", "refused", "delivered", "failed");
			case "type" -> Arbitraries.of("accepted", "refused", "delivered", "consent-granted", "audit-read");
			// Never a real mode: the shared sandbox partners must keep answering.
			case "mode" -> Arbitraries.of("fast", "OK!", "off", "503");
			case "delay" -> Arbitraries.of("PT1S", "PT0S", "PT30S");
			case "Idempotency-Key" -> uuids();
			case "traceparent" -> Arbitraries.strings()
				.withChars("0123456789abcdef")
				.ofLength(32)
				.map((trace) -> "00-" + trace + "-00f067aa0ba902b7-01");
			case "Ketenpoort-Consent" -> Arbitraries.of("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "not-a-jws");
			case "Content-Type" -> Arbitraries.of("application/json", "text/plain");
			default -> switch (parameter.format()) {
				case "uuid" -> Arbitraries.oneOf(Arbitraries.of(fixture.knownIds()), uuids());
				case "date-time" -> Arbitraries.longs()
					.between(1_600_000_000L, 1_900_000_000L)
					.map((seconds) -> Instant.ofEpochSecond(seconds).toString());
				case "int32", "int64" -> Arbitraries.integers().between(0, 200).map(String::valueOf);
				default -> parameter.in().equals("path") ? Arbitraries.of(PARTNERS)
						: Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
			};
		};
		return value.map(Value::encoded);
	}

	/** UUIDs from the seeded random, so a run can be repeated. */
	static Arbitrary<String> uuids() {
		return Arbitraries.longs().tuple2().map((bits) -> new UUID(bits.get1(), bits.get2()).toString());
	}

	/** Ten digits, the shape of a V-number as the partners hold it. */
	static Arbitrary<String> vNumbers() {
		return Arbitraries.longs().between(1_000_000_000L, 9_999_999_999L).map(String::valueOf);
	}

	/** Nine digits that pass the 11-test. */
	static Arbitrary<String> bsns() {
		return Arbitraries.integers().between(10_000_000, 99_999_999).map(FuzzValues::bsn).filter((b) -> b != null);
	}

	/** The BSN whose first eight digits these are, or null when no ninth digit fits. */
	static String bsn(int eightDigits) {
		String digits = String.format(Locale.ROOT, "%08d", eightDigits);
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		String candidate = digits + (sum % 11);
		return nl.ketenpoort.schemas.validation.Bsn.isValid(candidate) ? candidate : null;
	}

	/** Any JSON value, nested at most this deep. */
	static Arbitrary<JsonNode> json(int depth) {
		Arbitrary<JsonNode> leaf = Arbitraries.oneOf(Arbitraries.just(nodes.nullNode()),
				Arbitraries.of(true, false).map(nodes::booleanNode),
				Arbitraries.longs().map((number) -> (JsonNode) nodes.numberNode(number)),
				Arbitraries.of(1e308, -0.0, 1.5, 4.9e-324).map((number) -> (JsonNode) nodes.numberNode(number)),
				Arbitraries.oneOf(Arbitraries.of(MUTATED), anyText()).map(nodes::stringNode));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<JsonNode> array = json(depth - 1).list().ofMaxSize(4).map((items) -> {
			ArrayNode node = nodes.arrayNode();
			items.forEach(node::add);
			return node;
		});
		Arbitrary<JsonNode> object = Arbitraries.maps(keys(), json(depth - 1)).ofMaxSize(5).map((members) -> {
			ObjectNode node = nodes.objectNode();
			members.forEach(node::set);
			return node;
		});
		return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(2, object));
	}

	/** Member names the gateway's bodies use, and others. */
	static Arbitrary<String> keys() {
		return Arbitraries.oneOf(Arbitraries.of("purpose", "from", "to", "documentTypes", "language", "textSha256",
				"validUntil", "method", "vNumber", "bsn", "evidenceReference", "name", "count", "documentType",
				"recipient", "subject", "document", "delay", "@type", "__proto__", ""), anyText());
	}

	/** Bodies that are not JSON, or not the JSON they claim to be. */
	static Arbitrary<String> nonJson() {
		return Arbitraries.oneOf(Arbitraries.of("", "not json", "{", "{\"a\":", "[1,2", "\"unterminated",
				"<?xml version=\"1.0\"?><a/>", "a=b&c=d", "\u0000\u0001\u0002", "null", "true", "1e99999", "\"text\"",
				"{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{'a':1}", "\ufeff{}",
				"--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--zzz--\r\n",
				"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
				"x".repeat(1_100_000)), anyText());
	}

	/** {@code Content-Type} values, right and wrong. */
	static Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/problem+json",
				"text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=zzz", "application/octet-stream", "*/*", "application/*", "text/html",
				"garbage", "application/json; charset=no-such-charset", "application/json;;;", "");
	}

	/** {@code Accept} values; {@code null} sends none. */
	static Arbitrary<String> accepts() {
		return Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.just("application/json")), Tuple.of(1, Arbitraries.of("*/*", "text/html",
						"application/xml", "application/problem+json", "garbage", "text/csv", "application/json;q=0")),
				Tuple.of(1, Arbitraries.just("")));
	}

	/**
	 * A value and how it goes into a URL: encoded (so it arrives as it is), or raw (a
	 * percent sequence the server decodes itself).
	 */
	record Value(String text, boolean raw) {

		static Value encoded(String text) {
			return new Value(text, false);
		}

		static Value raw(String text) {
			return new Value(text, true);
		}

	}

}
