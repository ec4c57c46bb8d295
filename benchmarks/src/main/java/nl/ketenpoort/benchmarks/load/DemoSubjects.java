package nl.ketenpoort.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo status holders with an active consent for a purpose and route, as the demo
 * profile lists them at {@code GET /sandbox/subjects}.
 */
final class DemoSubjects {

	private DemoSubjects() {
	}

	/** V-numbers with an active consent; empty when the listing is not there. */
	static List<String> withConsent(HttpClient http, URI base, String purpose, String from, String to,
			String documentType) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(base.resolve("/sandbox/subjects")).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		List<String> vNumbers = new ArrayList<>();
		if (response.statusCode() != 200) {
			return vNumbers;
		}
		for (JsonNode subject : JsonMapper.builder().build().readTree(response.body())) {
			for (JsonNode consent : subject.path("consents")) {
				boolean fits = purpose.equals(consent.path("purpose").asString())
						&& from.equals(consent.path("from").asString()) && contains(consent.path("to"), to)
						&& contains(consent.path("documentTypes"), documentType)
						&& "active".equals(consent.path("status").asString());
				if (fits && subject.hasNonNull("vNumber")) {
					vNumbers.add(subject.get("vNumber").asString());
					break;
				}
			}
		}
		return vNumbers;
	}

	private static boolean contains(JsonNode node, String value) {
		if (node.isString()) {
			return value.equals(node.asString());
		}
		for (JsonNode element : node) {
			if (value.equals(element.asString())) {
				return true;
			}
		}
		return false;
	}

}
