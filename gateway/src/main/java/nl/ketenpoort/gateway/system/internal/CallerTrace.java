package nl.ketenpoort.gateway.system.internal;

import java.util.Collections;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The caller's span as its {@code traceparent} names it, read by OpenTelemetry's W3C
 * propagator: independent of sampling, so the foreign operation is known for every
 * request.
 */
final class CallerTrace {

	private CallerTrace() {
	}

	/** The caller's span context; invalid when it sent no valid {@code traceparent}. */
	static SpanContext of(HttpServletRequest request) {
		return read(request, HttpServletRequest::getHeader, (r) -> Collections.list(r.getHeaderNames()));
	}

	static <T> SpanContext read(T request, BiFunction<T, String, @Nullable String> header,
			Function<T, Iterable<String>> names) {
		TextMapGetter<T> getter = new TextMapGetter<>() {

			@Override
			public Iterable<String> keys(T carrier) {
				return names.apply(carrier);
			}

			@Override
			public @Nullable String get(@Nullable T carrier, String key) {
				return (carrier != null) ? header.apply(carrier, key) : null;
			}

		};
		return Span.fromContext(W3CTraceContextPropagator.getInstance().extract(Context.root(), request, getter))
			.getSpanContext();
	}

}
