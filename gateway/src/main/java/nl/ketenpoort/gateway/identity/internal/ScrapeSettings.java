package nl.ketenpoort.gateway.identity.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The static bearer token Prometheus scrapes {@code /actuator/prometheus} with
 * ({@code KETENPOORT_METRICS_TOKEN}, from a secret); unset, the endpoint refuses every
 * request.
 *
 * @param token the scrape token
 */
@ConfigurationProperties("ketenpoort.identity.metrics")
record ScrapeSettings(@Nullable String token) {

	boolean enabled() {
		return this.token != null && !this.token.isBlank();
	}

}
