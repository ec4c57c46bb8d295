package nl.ketenpoort.gateway.system.internal;

import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTraceTests {

	@Test
	void aValidTraceparentNamesTheCallersTraceAndOperation() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");

		SpanContext caller = CallerTrace.of(request);

		assertThat(caller.isValid()).isTrue();
		assertThat(caller.isRemote()).isTrue();
		assertThat(caller.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		// An unsampled caller still names its operation.
		assertThat(caller.getSpanId()).isEqualTo("b7ad6b7169203331");
	}

	@Test
	void noOrAMalformedTraceparentNamesNoCaller() {
		for (String value : new String[] { null, "", "00-00000000000000000000000000000000-b7ad6b7169203331-01",
				"00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", "zz-not-a-trace", "00-ABC-DEF-01" }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			if (value != null) {
				request.addHeader("traceparent", value);
			}
			assertThat(CallerTrace.of(request).isValid()).as(String.valueOf(value)).isFalse();
		}
	}

}
