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
import nl.ketenpoort.gateway.audit.internal.AuditEpochs;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;
import nl.ketenpoort.gateway.audit.internal.AuditValues;

/**
 * Appends events to the hash-chained audit log. Call it inside the transaction of the
 * change it records, as late as possible: the append holds the chain lock until that
 * transaction commits, which serialises appends across threads and gateway nodes.
 * <p>
 * Events are hashed in canonical form {@value AuditCatalogue#FORM}; when the head of the
 * chain is of an earlier form, the first append writes the signed epoch event
 * ({@link AuditEpochs}) before its own.
 */
@Service
public class AuditTrail {

	/** Advisory lock key of the chain head ("KETENAUD"). */
	static final long CHAIN_LOCK = 0x4b4554454e415544L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditEpochs epochs;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditEpochs epochs) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.epochs = epochs;
	}

	@Transactional
	public AuditRecord append(AuditEvent event) {
		AuditEvent traced = withTrace(AuditValues.bounded(event));
		var head = this.jdbc.sql("SELECT head_position, head_hash, head_form FROM audit_lock_chain_head(?)")
			.param(CHAIN_LOCK)
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.optional();
		long position = head.map((h) -> h.position() + 1).orElse(1L);
		String prevHash = head.map(Head::hash).orElse(AuditRecord.GENESIS);
		if (head.isPresent() && head.get().form() < AuditCatalogue.FORM) {
			AuditRecord epoch = chained(position, prevHash,
					withTrace(this.epochs.epoch(head.get().position(), head.get().hash())));
			AuditRows.insert(this.jdbc, epoch);
			position = epoch.position() + 1;
			prevHash = epoch.hash();
		}
		AuditRecord record = chained(position, prevHash, traced);
		AuditRows.insert(this.jdbc, record);
		return record;
	}

	private AuditRecord chained(long position, String prevHash, AuditEvent event) {
		UUID eventId = UUID.randomUUID();
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String operationId = TraceContext.randomOperationId();
		return AuditRecord.hashed(position, eventId, recordedAt, operationId, event, prevHash);
	}

	private record Head(long position, String hash, int form) {
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
