package nl.ketenpoort.gateway.system;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import nl.ketenpoort.gateway.problem.Problems;

/**
 * A W3C trace context: the trace id of the whole chain and the id of this gateway's
 * operation, as Micrometer Tracing opened it for a request.
 *
 * @param traceId 16 bytes, lower-case hex
 * @param spanId 8 bytes, lower-case hex: this gateway's operation
 * @param parentSpanId the caller's operation, when it sent a {@code traceparent}
 */
public record TraceContext(String traceId, String spanId, Optional<String> parentSpanId) {

	/**
	 * The request attribute and MDC key under which the current trace id is kept: the
	 * attribute that problems read ({@link Problems#TRACE_ID_ATTRIBUTE}).
	 */
	public static final String TRACE_ID = Problems.TRACE_ID_ATTRIBUTE;

	/** The MDC key of this gateway's operation id. */
	public static final String SPAN_ID = "spanId";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The {@code traceparent} header value that names this gateway's operation as parent.
	 */
	public String traceparent() {
		return "00-" + this.traceId + "-" + this.spanId + "-01";
	}

	/** A new 16-byte trace id, for work that no request started (delivery, schedules). */
	public static String randomTraceId() {
		return randomHex(16);
	}

	/** A new 8-byte operation (span) id. */
	public static String randomOperationId() {
		return randomHex(8);
	}

	static String randomHex(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return HexFormat.of().formatHex(buffer);
	}

}
