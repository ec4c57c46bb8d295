package nl.ketenpoort.gateway.delivery;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Every span the gateway's OpenTelemetry SDK ends, kept in memory for a test to read: a
 * span processor bean, which Boot adds to the tracer provider beside its exporting one.
 */
class RecordedSpans implements SpanProcessor {

	private final Queue<SpanData> ended = new ConcurrentLinkedQueue<>();

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.ended.add(span.toSpanData());
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	/** The ended spans of this name in this trace, in the order they ended. */
	List<SpanData> named(String name, String traceId) {
		return this.ended.stream()
			.filter((span) -> span.getTraceId().equals(traceId) && span.getName().equals(name))
			.toList();
	}

}
