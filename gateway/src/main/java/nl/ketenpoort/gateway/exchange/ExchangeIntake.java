package nl.ketenpoort.gateway.exchange;

import java.util.Optional;

import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Service;

/**
 * Runs a submission through the accept route, answers a repeated idempotency key with the
 * first result, and audits every refusal with its reason (nothing refused enters the
 * outbox).
 */
@Service
class ExchangeIntake {

	private final ProducerTemplate camel;

	private final ExchangeStore store;

	private final AuditTrail audit;

	private final Partners partners;

	ExchangeIntake(ProducerTemplate camel, ExchangeStore store, AuditTrail audit, Partners partners) {
		this.camel = camel;
		this.store = store;
		this.audit = audit;
		this.partners = partners;
	}

	/** The outcome of a submission: the exchange and whether this call created it. */
	record Accepted(ExchangeRecord exchange, boolean created) {
	}

	Accepted submit(Submission submission) {
		Optional<ExchangeRecord> earlier = this.store.findBySenderAndKey(submission.sender(),
				submission.idempotencyKey());
		if (earlier.isPresent()) {
			return new Accepted(sameRequestOrConflict(earlier.get(), submission), false);
		}
		try {
			ExchangeRecord exchange = this.camel.requestBody(AcceptRoute.URI, submission, ExchangeRecord.class);
			return new Accepted(sameRequestOrConflict(exchange, submission),
					exchange.requestSha256().equals(submission.requestSha256()));
		}
		catch (CamelExecutionException ex) {
			if (ex.getCause() instanceof ExchangeRefused refused) {
				auditRefusal(refused);
				throw refused;
			}
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Audits a refusal found before the pipeline ran, and returns it to be thrown. */
	ExchangeRefused refuse(Submission submission, ProblemCode code, String detail) {
		ExchangeRefused refused = ExchangeRefused.because(code, detail, submission, null);
		auditRefusal(refused);
		return refused;
	}

	private ExchangeRecord sameRequestOrConflict(ExchangeRecord exchange, Submission submission) {
		if (!exchange.requestSha256().equals(submission.requestSha256())) {
			ExchangeRefused conflict = ExchangeRefused.because(ProblemCode.IDEMPOTENCY_CONFLICT,
					"This Idempotency-Key was used before with another request body.", submission, null);
			auditRefusal(conflict);
			throw conflict;
		}
		return exchange;
	}

	private void auditRefusal(ExchangeRefused refused) {
		Submission submission = refused.submission();
		String organisation = this.partners.find(submission.sender())
			.map((partner) -> partner.organisation())
			.orElse(submission.sender());
		this.audit.append(AuditEvent
			.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, AuditActor.partner(submission.sender(), organisation))
			.reason(refused.reasonCode())
			.purpose((submission.purpose() != null) ? submission.purpose().code() : null,
					(submission.purpose() != null) ? submission.purpose().legalBasis().code() : null)
			.subject((submission.subject() != null) ? submission.subject().pseudonym() : null)
			.route(submission.sender(), submission.recipient())
			.document((submission.type() != null) ? submission.type().code() : null, null)
			.trace(submission.trace())
			.build());
	}

}
