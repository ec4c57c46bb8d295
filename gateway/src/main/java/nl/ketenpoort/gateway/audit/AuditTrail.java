package nl.ketenpoort.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.system.FaultPoints.Point;
import nl.ketenpoort.gateway.system.TraceContext;
import org.slf4j.MDC;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;
import nl.ketenpoort.gateway.audit.internal.AuditValues;

/**
 * Records events in the audit log. Call it inside the transaction of the change it
 * records: the event is staged ({@code audit_staged}) in that transaction, so it is
 * durable exactly when the change is, and takes no lock; once the transaction commits,
 * this node's {@link AuditChainer} links it into the hash chain with the other staged
 * events of its batch (group commit, ADR 0009). Until then the API shows it with
 * {@code chained: false}.
 * <p>
 * Events are hashed in canonical form {@value AuditCatalogue#FORM}; when the head of the
 * chain is of an earlier form, the chainer writes the signed epoch event
 * ({@link nl.ketenpoort.gateway.audit.internal.AuditEpochs}) before the first of them.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditChainer chainer;

	private final FaultPoints faults;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditChainer chainer, FaultPoints faults) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.chainer = chainer;
		this.faults = faults;
	}

	/**
	 * Stages the event in the current transaction (or on its own without one).
	 * @return the event as staged: no position and no hash yet
	 */
	@Transactional
	public AuditRecord append(AuditEvent event) {
		AuditRecord staged = AuditRecord.staged(UUID.randomUUID(), this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				TraceContext.randomOperationId(), withTrace(AuditValues.bounded(event)));
		AuditRows.stage(this.jdbc, staged);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AuditTrail.this.faults.reached(Point.AUDIT_STAGED_COMMITTED);
					AuditTrail.this.chainer.wake();
				}
			});
		}
		else {
			this.chainer.wake();
		}
		return staged;
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
