package nl.ketenpoort.gateway.problem.internal;

import nl.ketenpoort.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import nl.ketenpoort.gateway.problem.ProblemProbeController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The problem handler's answers without a database or a running server: one RFC 9457
 * document with a stable code and the trace id, no stack trace and nothing of the input.
 * The gateway's own filters (trace id, request size) run, security does not: access is
 * the business of {@code AccessMatrixIntegrationTests}.
 */
@WebSliceTest(value = ProblemProbeController.class, properties = "ketenpoort.max-request-size=1KB")
class ProblemHandlerWebTests {

	private static final String PERSONAL = "V-1234567890";

	@Autowired
	MockMvc mvc;

	@Test
	void malformedJsonIsAProblemThatDoesNotQuoteTheBody() throws Exception {
		problem(this.mvc.perform(post("/test-probe/json").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + PERSONAL + "\", \"count\": ")), 400, "MALFORMED_REQUEST");
	}

	@Test
	void aWrongFieldTypeIsAProblemThatDoesNotQuoteTheValue() throws Exception {
		problem(this.mvc.perform(post("/test-probe/json").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\", \"count\": \"" + PERSONAL + "\"}")), 400, "MALFORMED_REQUEST");
	}

	@Test
	void aWrongMediaTypeIs415() throws Exception {
		problem(this.mvc
			.perform(post("/test-probe/json").contentType(MediaType.TEXT_PLAIN).content("name=" + PERSONAL)), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aWildcardMediaTypeIs415NotA500() throws Exception {
		problem(this.mvc.perform(post("/test-probe/json").header("Content-Type", "application/*").content("{}")), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aBodyOverTheLimitIs413() throws Exception {
		String name = "x".repeat(2048);
		problem(this.mvc.perform(post("/test-probe/json").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"count\": 1}")), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void aWrongMethodIs405() throws Exception {
		problem(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/test-probe/json")),
				405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void anUnexpectedFailureIs500WithoutItsMessage() throws Exception {
		problem(this.mvc.perform(get("/test-probe/failure")), 500, "INTERNAL_ERROR")
			.andExpect(content().string(not(containsString("secret internal detail"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@Test
	void aLibrarysCodedFailureIsAnsweredWithItsCodeAndTheStatusOfItsKind() throws Exception {
		problem(this.mvc.perform(get("/test-probe/library-failure")), 400, "UNKNOWN_DOCUMENT_TYPE")
			.andExpect(jsonPath("$.detail").value("No document type with this code."))
			.andExpect(
					jsonPath("$.documentation").value("https://ketenpoort.nl/docs/problems.md#unknown_document_type"));
	}

	@Test
	void anAdaptersCodedFailureIsAnsweredWithItsCode() throws Exception {
		problem(this.mvc.perform(get("/test-probe/adapter-failure")), 422, "DELIVERY_INVALID");
	}

	@Test
	void everyProblemLinksTheSectionOfItsCode() throws Exception {
		problem(this.mvc.perform(get("/test-probe/failure")), 500, "INTERNAL_ERROR")
			.andExpect(jsonPath("$.documentation").value("https://ketenpoort.nl/docs/problems.md#internal_error"));
	}

	@Test
	void aGoodRequestIsNoProblem() throws Exception {
		this.mvc
			.perform(post("/test-probe/json").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"x\", \"count\": 2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2));
	}

	private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.type").exists())
			.andExpect(jsonPath("$.title").exists())
			.andExpect(jsonPath("$.instance").exists())
			.andExpect(jsonPath("$.traceId").exists())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(jsonPath("$.exception").doesNotExist())
			.andExpect(content().string(not(containsString(PERSONAL))))
			.andExpect(content().string(not(containsString("\tat "))));
	}

}
