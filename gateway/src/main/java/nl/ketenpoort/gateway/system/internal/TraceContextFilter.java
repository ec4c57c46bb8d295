package nl.ketenpoort.gateway.system.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import nl.ketenpoort.gateway.system.TraceContext;

/**
 * Gives every request a W3C trace context (continuing the caller's {@code traceparent}),
 * so that each log line, problem response and audit event names the same trace id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TraceContext trace = TraceContext.continueOrStart(request.getHeader("traceparent"));
		request.setAttribute(TraceContext.class.getName(), trace);
		request.setAttribute(TraceContext.TRACE_ID, trace.traceId());
		response.setHeader("traceparent", trace.traceparent());
		MDC.put(TraceContext.TRACE_ID, trace.traceId());
		MDC.put(TraceContext.SPAN_ID, trace.spanId());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(TraceContext.TRACE_ID);
			MDC.remove(TraceContext.SPAN_ID);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error dispatch keeps the attributes of the original request, so its trace
		// id stays.
		return true;
	}

}
