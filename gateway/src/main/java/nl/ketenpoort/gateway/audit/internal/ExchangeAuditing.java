package nl.ketenpoort.gateway.audit.internal;

import java.util.List;

import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeAccepted;
import nl.ketenpoort.gateway.exchange.ExchangeAccessDenied;
import nl.ketenpoort.gateway.exchange.ExchangeDeadLettered;
import nl.ketenpoort.gateway.exchange.ExchangeDelivered;
import nl.ketenpoort.gateway.exchange.ExchangeFailed;
import nl.ketenpoort.gateway.exchange.ExchangeReplayed;
import nl.ketenpoort.gateway.exchange.ExchangeTrace;
import nl.ketenpoort.gateway.exchange.ExchangeWithheld;
import nl.ketenpoort.gateway.exchange.SubmissionRefused;
import nl.ketenpoort.gateway.identity.ApiAccessDenied;
import nl.ketenpoort.gateway.system.TraceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * Records every step of an exchange in the audit log: accepted, refused, delivered,
 * failed, dead-lettered, replayed, and reads of another partner's exchange. The exchange
 * code publishes its events inside the transaction of the change, and these listeners run
 * synchronously in it, so an exchange whose audit record cannot be written is not
 * accepted (or changed) either.
 */
@Component
class ExchangeAuditing {

	private static final Logger log = LoggerFactory.getLogger(ExchangeAuditing.class);

	/** The actor of a submission refused by access control whose caller is unknown. */
	private static final AuditActor UNKNOWN = new AuditActor("person", "unknown", null, null);

	/** The reason of a submission refused by access control. */
	private final AuditTrail audit;

	ExchangeAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void accepted(ExchangeAccepted accepted) {
		Exchange exchange = accepted.exchange();
		this.audit.append(AuditEvent
			.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS,
					AuditActor.partner(exchange.sender().value(), accepted.senderOrganisation()))
			.purpose(exchange.purpose().value(), exchange.legalBasis().code())
			.consent(exchange.consentId())
			.subject(exchange.subject().pseudonym())
			.route(exchange.sender().value(), exchange.recipient().value())
			.document(exchange.documentType().code(), exchange.id())
			.payload(exchange.fieldNames(), exchange.payloadSha256())
			.trace(trace(accepted.trace()))
			.build());
	}

	@EventListener
	void refused(SubmissionRefused refused) {
		this.audit.append(AuditEvent
			.of(AuditEventType.REFUSED, AuditOutcome.REFUSED,
					AuditActor.partner(refused.sender().value(), refused.senderOrganisation()))
			.reason(refused.reasonCode())
			.purpose((refused.purpose() != null) ? refused.purpose().value() : null,
					(refused.legalBasis() != null) ? refused.legalBasis().code() : null)
			.subject((refused.subject() != null) ? refused.subject().pseudonym() : null)
			.route(refused.sender().value(), (refused.recipient() != null) ? refused.recipient().value() : null)
			.document((refused.documentType() != null) ? refused.documentType().code() : null, null)
			.trace(trace(refused.trace()))
			.build());
	}

	/**
	 * A submission that access control refused (a token without a send scope, a person's
	 * token) never reaches the exchange API, yet every refused submission is audited as
	 * {@code refused}: with the caller, the reason {@code FORBIDDEN}, and nothing of the
	 * request body.
	 */
	@EventListener
	void forbidden(ApiAccessDenied denied) {
		if (!denied.submission()) {
			return;
		}
		log.debug("Recording a submission refused by access control");
		this.audit.append(AuditEvent
			.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, denied.caller().map(AuditActor::of).orElse(UNKNOWN))
			.reason(RefusalReason.FORBIDDEN.name())
			.build());
	}

	@EventListener
	void delivered(ExchangeDelivered delivered) {
		this.audit.append(delivery(delivered.exchange(), AuditEventType.DELIVERED, AuditOutcome.SUCCESS, null,
				delivered.partnerStatus(), delivered.partnerTrace(), delivered.collected()));
	}

	@EventListener
	void failed(ExchangeFailed failed) {
		this.audit.append(delivery(failed.exchange(), AuditEventType.FAILED, AuditOutcome.FAILED, failed.reason(),
				failed.partnerStatus(), null, false));
	}

	@EventListener
	void deadLettered(ExchangeDeadLettered dead) {
		this.audit.append(delivery(dead.exchange(), AuditEventType.DEAD_LETTERED, AuditOutcome.FAILED, dead.reason(),
				dead.partnerStatus(), null, false));
	}

	@EventListener
	void withheld(ExchangeWithheld withheld) {
		this.audit.append(delivery(withheld.exchange(), AuditEventType.REFUSED, AuditOutcome.REFUSED, withheld.reason(),
				null, null, withheld.collected()));
	}

	@EventListener
	void replayed(ExchangeReplayed replayed) {
		AuditEvent.Builder event = AuditEvent
			.of(AuditEventType.REPLAYED, replayed.queued() ? AuditOutcome.SUCCESS : AuditOutcome.REFUSED,
					AuditActor.of(replayed.operator()))
			.reason(replayed.reason());
		Exchange exchange = replayed.exchange();
		if (exchange != null) {
			event.purpose(exchange.purpose().value(), null)
				.route(exchange.sender().value(), exchange.recipient().value())
				.document(exchange.documentType().code(), exchange.id());
		}
		this.audit.append(event.build());
	}

	/**
	 * Recorded in a transaction of its own: the request that asked is answered as not
	 * found, and the record must stay although its own work rolls back.
	 */
	@EventListener
	void accessDenied(ExchangeAccessDenied denied) {
		this.audit.appendIndependently(
				AuditEvent.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, AuditActor.of(denied.actor()))
					.reason(denied.reason())
					.document(denied.exchange().documentType().code(), denied.exchange().id())
					.build());
	}

	/**
	 * A delivery outcome: by the gateway, or by the recipient when it collected the
	 * exchange from its inbox. The recipient's own operation, when its answer named one,
	 * is the Logboek foreign operation.
	 */
	private static AuditEvent delivery(Exchange exchange, AuditEventType type, AuditOutcome outcome,
			@Nullable String reason, @Nullable Integer partnerStatus, @Nullable String partnerTrace,
			boolean collected) {
		String foreignOperation = null;
		if (partnerTrace != null) {
			String[] parts = partnerTrace.split("-");
			foreignOperation = (parts.length == 4) ? parts[2] : null;
		}
		boolean delivered = type == AuditEventType.DELIVERED;
		AuditActor actor = collected ? AuditActor.partner(exchange.recipient().value(), null) : AuditActor.SYSTEM;
		return AuditEvent.of(type, outcome, actor)
			.reason(reason)
			.purpose(exchange.purpose().value(), exchange.legalBasis().code())
			.consent(exchange.consentId())
			.subject(exchange.subject().pseudonym())
			.route(exchange.sender().value(), exchange.recipient().value())
			.document(exchange.documentType().code(), exchange.id())
			.payload(delivered ? exchange.fieldNames() : List.of(), delivered ? exchange.payloadSha256() : null)
			.partnerStatus(partnerStatus)
			.startedAt(exchange.acceptedAt())
			// The parent is the delivery attempt's span when it runs in the exchange's
			// trace.
			.trace(new AuditTrace(exchange.traceId(),
					exchange.traceId().equals(MDC.get(TraceContext.TRACE_ID)) ? MDC.get(TraceContext.SPAN_ID) : null,
					(foreignOperation != null) ? exchange.traceId() : null, foreignOperation))
			.build();
	}

	private static AuditTrace trace(ExchangeTrace trace) {
		return new AuditTrace(trace.traceId(), trace.parentOperationId(), trace.foreignTraceId(),
				trace.foreignOperationId());
	}

}
