package nl.ketenpoort.gateway.system.internal;

import java.io.IOException;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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
 * Hands the request's span, which Micrometer Tracing opened from the caller's
 * {@code traceparent} (or as a new trace), to the rest of the gateway: the request
 * attributes that problems and submissions read, and the {@code traceparent} response
 * header.
 */
@Component
// Right after Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), which opens
// the server span, and before security, whose refusals name the trace id too.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TraceContext trace = current(request);
		request.setAttribute(TraceContext.class.getName(), trace);
		request.setAttribute(TraceContext.TRACE_ID, trace.traceId());
		response.setHeader("traceparent", trace.traceparent());
		// Micrometer's MDC correlation keys are these names; when tracing is switched off
		// they are filled here so that logs and audit still name the trace.
		boolean own = MDC.get(TraceContext.TRACE_ID) == null;
		if (own) {
			MDC.put(TraceContext.TRACE_ID, trace.traceId());
			MDC.put(TraceContext.SPAN_ID, trace.spanId());
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (own) {
				MDC.remove(TraceContext.TRACE_ID);
				MDC.remove(TraceContext.SPAN_ID);
			}
		}
	}

	private static TraceContext current(HttpServletRequest request) {
		SpanContext context = Span.current().getSpanContext();
		if (!context.isValid()) {
			return new TraceContext(TraceContext.randomTraceId(), TraceContext.randomOperationId(), Optional.empty());
		}
		// The caller's operation is read from its header rather than from the span's
		// parent, which only a sampled (recording) span knows.
		SpanContext caller = CallerTrace.of(request);
		Optional<String> callerSpan = (caller.isValid() && caller.getTraceId().equals(context.getTraceId()))
				? Optional.of(caller.getSpanId()) : Optional.empty();
		return new TraceContext(context.getTraceId(), context.getSpanId(), callerSpan);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error dispatch keeps the attributes of the original request, so its trace
		// id stays.
		return true;
	}

}
