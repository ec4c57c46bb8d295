package nl.ketenpoort.gateway.audit.internal;

import org.jspecify.annotations.Nullable;

/**
 * The W3C trace an event belongs to, and the partner's own operation where it told us
 * (the Logboek {@code foreign_operation}), so that processing logs of both sides can be
 * linked.
 *
 * @param traceId 32 hex characters
 * @param parentOperationId the operation (span) this event is part of
 * @param foreignTraceId the partner's trace id
 * @param foreignOperationId the partner's operation id
 */
public record AuditTrace(String traceId, @Nullable String parentOperationId, @Nullable String foreignTraceId,
		@Nullable String foreignOperationId) {

}
