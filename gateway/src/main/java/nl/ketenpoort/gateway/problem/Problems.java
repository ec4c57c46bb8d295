package nl.ketenpoort.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;

/**
 * Builds the problem documents of Ketenpoort so that every error, wherever it arises,
 * carries the same members: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, {@code code} and {@code traceId}.
 */
public final class Problems {

	/**
	 * The request attribute that holds the current trace id, which every problem reports;
	 * the trace filter sets it ({@code system.TraceContext#TRACE_ID} is this name), so
	 * the dependency points from {@code system} to {@code problem} only.
	 */
	public static final String TRACE_ID_ATTRIBUTE = "traceId";

	private Problems() {
	}

	public static ProblemDetail of(ProblemCode code, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		return complete(problem, code, request);
	}

	/**
	 * Adds the Ketenpoort members to a problem that Spring or a handler already built.
	 */
	public static ProblemDetail complete(ProblemDetail problem, ProblemCode code, HttpServletRequest request) {
		problem.setType(code.type());
		problem.setTitle(code.title());
		URI instance = instance(request);
		if (instance != null) {
			problem.setInstance(instance);
		}
		problem.setProperty("code", code.name());
		Object traceId = request.getAttribute(TRACE_ID_ATTRIBUTE);
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return problem;
	}

	/**
	 * The problem as a plain map, for writers outside Spring MVC (filters, entry points).
	 */
	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			map.put("instance", String.valueOf(problem.getInstance()));
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

	/**
	 * The path of the request; none when the container refused a request whose path is no
	 * valid URI at all.
	 */
	private static @Nullable URI instance(HttpServletRequest request) {
		Object original = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = (original != null) ? original.toString() : request.getRequestURI();
		if (path == null || path.isEmpty()) {
			return null;
		}
		try {
			return new URI(path);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
