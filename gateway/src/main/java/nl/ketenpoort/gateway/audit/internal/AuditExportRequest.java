package nl.ketenpoort.gateway.audit.internal;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/audit/exports}: the status holder by V-number or BSN
 * (in the body, never in the URL) and the format ({@code json} when absent).
 */
record AuditExportRequest(@Nullable String vNumber, @Nullable String bsn, @Nullable String format) {

	String formatOrJson() {
		return (this.format != null) ? this.format : "json";
	}

}
