package nl.ketenpoort.gateway.exchange;

import org.jspecify.annotations.Nullable;

/**
 * The W3C trace a submission arrived with, and the partner's own operation where it told
 * us, so that its audit events can be linked to the partner's processing log.
 *
 * @param traceId 32 hex characters
 * @param parentOperationId the operation (span) the submission is part of
 * @param foreignTraceId the partner's trace id
 * @param foreignOperationId the partner's operation id
 */
public record ExchangeTrace(String traceId, @Nullable String parentOperationId, @Nullable String foreignTraceId,
		@Nullable String foreignOperationId) {

}
