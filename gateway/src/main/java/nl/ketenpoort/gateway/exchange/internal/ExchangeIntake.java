package nl.ketenpoort.gateway.exchange.internal;

import java.util.Optional;

import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.problem.ProblemCode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.exchange.SubmissionRefused;

/**
 * Runs a submission through the accept route, answers a repeated idempotency key with the
 * first result, and audits every refusal with its reason (nothing refused enters the
 * outbox).
 */
@Service
class ExchangeIntake {

	private final ProducerTemplate camel;

	private final Exchanges exchanges;

	private final ApplicationEventPublisher events;

	ExchangeIntake(ProducerTemplate camel, Exchanges exchanges, ApplicationEventPublisher events) {
		this.camel = camel;
		this.exchanges = exchanges;
		this.events = events;
	}

	/** The outcome of a submission: the exchange and whether this call created it. */
	record Accepted(Exchange exchange, boolean created) {
	}

	Accepted submit(Submission submission) {
		Optional<Exchange> earlier = this.exchanges.findBySenderAndKey(submission.sender(),
				submission.idempotencyKey());
		if (earlier.isPresent()) {
			return new Accepted(sameRequestOrConflict(earlier.get(), submission), false);
		}
		try {
			Exchange exchange = this.camel.requestBody(AcceptRoute.URI, submission, Exchange.class);
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

	private Exchange sameRequestOrConflict(Exchange exchange, Submission submission) {
		if (!exchange.requestSha256().equals(submission.requestSha256())) {
			ExchangeRefused conflict = ExchangeRefused.because(ProblemCode.IDEMPOTENCY_CONFLICT,
					"This Idempotency-Key was used before with another request body.", submission, null);
			auditRefusal(conflict);
			throw conflict;
		}
		return exchange;
	}

	/**
	 * Publishes the refusal; its audit record is written in the caller's transaction, or
	 * in one of its own when there is none.
	 */
	private void auditRefusal(ExchangeRefused refused) {
		Submission submission = refused.submission();
		PartnerId sender = submission.sender();
		this.events
			.publishEvent(new SubmissionRefused(refused.reasonCode(), sender, this.exchanges.organisation(sender),
					(submission.purpose() != null) ? PurposeCode.of(submission.purpose().code()) : null,
					(submission.purpose() != null) ? submission.purpose().legalBasis() : null, submission.subject(),
					submission.recipient(), submission.type(), submission.trace()));
	}

}
