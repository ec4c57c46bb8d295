package nl.ketenpoort.gateway.system.internal;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property that the operations guide names switches OTLP span export on, and nothing
 * else does.
 */
class TracingExportTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));

	@Test
	void noSpanLeavesTheProcessWithoutAnEndpoint() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(SpanExporter.class));
	}

	@Test
	void theDocumentedEndpointSwitchesOtlpExportOn() {
		this.runner
			.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
			.run((context) -> assertThat(context).hasSingleBean(SpanExporter.class));
	}

}
