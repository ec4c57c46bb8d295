package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what Spring Security's {@code StrictHttpFirewall} refuses (a {@code ;},
 * {@code %25} or {@code //} in the path, a control character in a header) with a
 * {@code MALFORMED_REQUEST} problem, written at once: an error dispatch would read the
 * offending header again and fail once more.
 */
class FirewallRejections implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	private final ProblemResponses problems;

	FirewallRejections(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		log.debug("Firewall refused {} {}: {}", request.getMethod(), request.getRequestURI(), reason(ex));
		if (response.isCommitted()) {
			return;
		}
		this.problems.write(request, response, ProblemCode.MALFORMED_REQUEST,
				"The request's path or headers contain characters or sequences the gateway does not accept.");
	}

	/**
	 * The firewall's own message quotes a refused header or parameter value, which may be
	 * a token or personal data: for those only the kind is logged.
	 */
	private static String reason(RequestRejectedException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("header")) {
			return "a header name or value with characters that are not allowed";
		}
		if (message.contains("parameter")) {
			return "a parameter name or value with characters that are not allowed";
		}
		return message;
	}

}
