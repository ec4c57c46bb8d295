package nl.ketenpoort.gateway.system.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.api.trace.SpanContext;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import nl.ketenpoort.gateway.system.TraceContext;

/**
 * Tomcat's last word on an error: what the container refuses before any servlet runs (an
 * encoded {@code /}, {@code \} or NUL in the path, an over-long header) and any error
 * that no error page answered becomes a problem document instead of Tomcat's HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

	private final JsonMapper json;

	ProblemReportValve(JsonMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		// Tomcat's message names the rule that was broken, never the offending value.
		log.debug("Container refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
				response.getMessage());
		if (request.getAttribute(TraceContext.TRACE_ID) == null) {
			TraceContext trace = containerTrace(request);
			request.setAttribute(TraceContext.TRACE_ID, trace.traceId());
			response.setHeader("traceparent", trace.traceparent());
		}
		// What no filter saw still carries the API Design Rules' headers.
		ApiResponseHeaders.write(request.getRequestURI(), response);
		ProblemCode code = ProblemCode.forStatus(status);
		ProblemDetail problem = Problems.of(code, detail(code), request);
		problem.setStatus(status);
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(Problems.asMap(problem)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response cannot take a body any more; there
			// is no one left to tell.
			log.debug("Could not write the problem document: {}", ex.getMessage());
		}
	}

	private static String detail(ProblemCode code) {
		if (code == ProblemCode.MALFORMED_REQUEST) {
			return "The request breaks the rules of HTTP or the gateway's limits: an encoded '/', '\\' or NUL "
					+ "in the path, a header that is too large, or too many parameters.";
		}
		return code.defaultDetail();
	}

	/**
	 * The trace of a request that the container refused before any filter (and so before
	 * Micrometer Tracing) saw it: the caller's, read by OpenTelemetry's W3C propagator,
	 * or a new one.
	 */
	private static TraceContext containerTrace(Request request) {
		SpanContext caller = CallerTrace.read(request, Request::getHeader, (r) -> Collections.list(r.getHeaderNames()));
		String operation = TraceContext.randomOperationId();
		return caller.isValid() ? new TraceContext(caller.getTraceId(), operation, Optional.of(caller.getSpanId()))
				: new TraceContext(TraceContext.randomTraceId(), operation, Optional.empty());
	}

}
