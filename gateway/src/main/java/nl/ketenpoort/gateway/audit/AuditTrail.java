package nl.ketenpoort.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import nl.ketenpoort.gateway.system.TraceContext;
import org.slf4j.MDC;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;
import nl.ketenpoort.gateway.audit.internal.AuditValues;

/**
 * Appends events to the hash-chained audit log. Call it inside the transaction of the
 * change it records, as late as possible: the append holds the chain lock until that
 * transaction commits, which serialises appends across threads and gateway nodes.
 */
@Service
public class AuditTrail {

	/** Advisory lock key of the chain head ("KETENAUD"). */
	static final long CHAIN_LOCK = 0x4b4554454e415544L;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public AuditRecord append(AuditEvent event) {
		AuditEvent traced = withTrace(AuditValues.bounded(event));
		var head = this.jdbc.sql("SELECT head_position, head_hash FROM audit_lock_chain_head(?)")
			.param(CHAIN_LOCK)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long position = head.map((h) -> (long) h[0] + 1).orElse(1L);
		String prevHash = head.map((h) -> (String) h[1]).orElse(AuditRecord.GENESIS);
		UUID eventId = UUID.randomUUID();
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String operationId = TraceContext.randomOperationId();
		String hash = AuditRecord.chainHash(prevHash,
				AuditRecord.canonicalForm(eventId, recordedAt, operationId, traced));
		AuditRecord record = new AuditRecord(position, eventId, recordedAt, operationId, traced, prevHash, hash);
		AuditRows.insert(this.jdbc, record);
		return record;
	}

	/**
	 * Appends in a transaction of its own, for refusals whose request is about to fail:
	 * the record must stay although the request's own work rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditRecord appendIndependently(AuditEvent event) {
		return append(event);
	}

	private static AuditEvent withTrace(AuditEvent event) {
		AuditEvent normalised = (event.startedAt() != null)
				? copyWithStart(event, event.startedAt().truncatedTo(ChronoUnit.MICROS)) : event;
		if (normalised.trace() != null) {
			return normalised;
		}
		String traceId = MDC.get(TraceContext.TRACE_ID);
		AuditTrace trace = (traceId != null) ? new AuditTrace(traceId, MDC.get(TraceContext.SPAN_ID), null, null)
				: new AuditTrace(TraceContext.randomTraceId(), null, null, null);
		return normalised.toBuilder().trace(trace).build();
	}

	private static AuditEvent copyWithStart(AuditEvent e, Instant startedAt) {
		return e.toBuilder().startedAt(startedAt).build();
	}

}
