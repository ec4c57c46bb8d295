package nl.ketenpoort.gateway.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem document straight to the servlet response, for code that runs before
 * Spring MVC (servlet filters, security entry points).
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail)
			throws IOException {
		write(response, Problems.of(code, detail, request));
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), Problems.asMap(problem));
		response.flushBuffer();
	}

}
