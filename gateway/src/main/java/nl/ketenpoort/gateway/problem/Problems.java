package nl.ketenpoort.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import nl.ketenpoort.schemas.problem.FailureCode;
import nl.ketenpoort.schemas.problem.ProblemKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem documents of Ketenpoort so that every error, wherever it arises,
 * carries the same members: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, {@code code}, {@code documentation} and {@code traceId}.
 */
public final class Problems {

	/**
	 * The request attribute that holds the current trace id, which every problem reports;
	 * the trace filter sets it ({@code system.TraceContext#TRACE_ID} is this name), so
	 * the dependency points from {@code system} to {@code problem} only.
	 */
	public static final String TRACE_ID_ATTRIBUTE = "traceId";

	/** Where each code has its own section, under the anchor of its lower-case name. */
	static final String DOCUMENTATION = "https://ketenpoort.nl/docs/problems.md#";

	private static final String TYPE_BASE = "https://ketenpoort.nl/problems/";

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
		return complete(problem, code.name(), code.title(), request);
	}

	/**
	 * A library's failure: its kind decides the status, its code and title are the
	 * members.
	 */
	public static ProblemDetail of(FailureCode code, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(code.kind()), detail);
		return complete(problem, code.name(), code.title(), request);
	}

	/** The one mapping of the libraries' failure kinds to HTTP. */
	static HttpStatus status(ProblemKind kind) {
		return switch (kind) {
			case MALFORMED -> HttpStatus.BAD_REQUEST;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	/** The RFC 9457 {@code type}: a stable URI per code. */
	static URI type(String code) {
		return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/** The section of docs/problems.md that explains a code. */
	static URI documentation(String code) {
		return URI.create(DOCUMENTATION + code.toLowerCase(Locale.ROOT));
	}

	private static ProblemDetail complete(ProblemDetail problem, String code, String title,
			HttpServletRequest request) {
		problem.setType(type(code));
		problem.setTitle(title);
		URI instance = instance(request);
		if (instance != null) {
			problem.setInstance(instance);
		}
		problem.setProperty("code", code);
		problem.setProperty("documentation", documentation(code).toString());
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
