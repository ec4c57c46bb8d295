package nl.ketenpoort.gateway.audit.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/audit/events/search}: the status holder by V-number or
 * BSN (in the body, never in the URL) and the other criteria; every member optional.
 */
record AuditSearchRequest(@Nullable String vNumber, @Nullable String bsn, @Nullable String partner,
		@Nullable String purpose, @Nullable String outcome, @Nullable String type, @Nullable Instant from,
		@Nullable Instant to, @Nullable Integer page, @Nullable Integer size) {

	int pageOrFirst() {
		return (this.page != null) ? this.page : 0;
	}

	int sizeOrDefault() {
		return (this.size != null) ? this.size : 50;
	}

}
