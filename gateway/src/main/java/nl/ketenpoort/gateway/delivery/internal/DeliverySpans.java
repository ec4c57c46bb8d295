package nl.ketenpoort.gateway.delivery.internal;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import nl.ketenpoort.gateway.exchange.Exchange;

import org.springframework.stereotype.Component;

/**
 * The span of one delivery attempt. A delivery runs long after the request that accepted
 * the exchange, on another thread and often on another node, so the trace is continued
 * from what the exchange row keeps: its trace id and the operation (span) that accepted
 * it, which becomes the attempt's parent. Put in scope, the span's ids reach the MDC and
 * so the log lines and the audit events of the attempt; its {@code traceparent} goes to
 * the partner.
 */
@Component
class DeliverySpans {

	private static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	DeliverySpans(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Starts the span of an attempt to deliver the exchange, a child of the operation
	 * that accepted it.
	 */
	Span start(Exchange exchange) {
		String acceptedBy = exchange.senderOperationId();
		TraceContext accepted = this.tracer.traceContextBuilder()
			.traceId(exchange.traceId())
			// A row without the accepting operation still continues its trace, under
			// a stand-in parent.
			.spanId((acceptedBy != null) ? acceptedBy : nl.ketenpoort.gateway.system.TraceContext.randomOperationId())
			// The row does not keep the accept's sampling decision; every request is
			// sampled (management.tracing.sampling.probability 1.0), so its attempts
			// are too.
			.sampled(true)
			.build();
		return this.tracer.spanBuilder()
			.setParent(accepted)
			.name("delivery")
			.kind(Span.Kind.CLIENT)
			.remoteServiceName(exchange.recipient().value())
			.tag("ketenpoort.partner", exchange.recipient().value())
			.tag("ketenpoort.document-type", exchange.documentType().code())
			.tag("ketenpoort.exchange", exchange.id().toString())
			.tag("ketenpoort.attempt", exchange.attempts())
			.start();
	}

	/** Puts the attempt's span in scope on this thread: MDC, audit, outgoing headers. */
	Tracer.SpanInScope inScope(Span span) {
		return this.tracer.withSpan(span);
	}

	/**
	 * The {@code traceparent} that names the attempt's span to the partner, as the
	 * tracer's W3C propagator writes it; without a working tracer the exchange's trace
	 * continues under a new operation id all the same.
	 */
	String traceparent(Span span, Exchange exchange) {
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		String traceparent = headers.get(TRACEPARENT);
		if (traceparent != null && traceparent.startsWith("00-" + exchange.traceId() + "-")) {
			return traceparent;
		}
		return "00-" + exchange.traceId() + "-" + nl.ketenpoort.gateway.system.TraceContext.randomOperationId() + "-01";
	}

}
