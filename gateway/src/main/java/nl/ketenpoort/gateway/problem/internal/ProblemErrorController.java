package nl.ketenpoort.gateway.problem.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.Problems;

/**
 * Replaces the container's error page: errors raised outside Spring MVC (the servlet
 * container, filters) are answered with a problem document too, never with HTML or a
 * stack trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}",
			produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without the container's error attributes this is no error dispatch but a
		// client asking for /error itself: there is nothing there.
		int status = (statusAttribute instanceof Integer value) ? value : 404;
		ProblemCode code = ProblemCode.forStatus(status);
		ProblemDetail problem = Problems.of(code, code.defaultDetail(), request);
		problem.setStatus(status);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
