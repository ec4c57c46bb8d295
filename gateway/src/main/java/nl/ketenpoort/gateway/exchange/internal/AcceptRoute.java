package nl.ketenpoort.gateway.exchange.internal;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.exchange.Exchanges;

/**
 * The accept path of one exchange, step by step as in the architecture's flow. It runs in
 * the caller's thread (direct), so a refusal reaches the partner as the HTTP answer.
 */
@Component
class AcceptRoute extends RouteBuilder {

	static final String URI = "direct:exchange-accept";

	private final AcceptSteps steps;

	private final Exchanges exchanges;

	AcceptRoute(AcceptSteps steps, Exchanges exchanges) {
		this.steps = steps;
		this.exchanges = exchanges;
	}

	@Override
	public void configure() {
		// A refusal is an answer to the partner, not an error of the gateway: it travels
		// back to the caller as it is, without Camel logging it as a failed exchange.
		errorHandler(noErrorHandler());
		from(URI).routeId("exchange-accept")
			.process(step(this.steps::parse))
			.id("parse")
			.process(step(this.steps::authoriseSender))
			.id("authorise-sender")
			.process(step(this.steps::validate))
			.id("validate")
			.process(step(this.steps::pseudonymise))
			.id("pseudonymise")
			.process(step(this.steps::matchSubject))
			.id("match-subject")
			.process(step(this.steps::checkConsent))
			.id("check-consent")
			.process(step(this.steps::minimise))
			.id("minimise")
			.process(Stage.of(Submission.class, this.exchanges::accept))
			.id("persist");
	}

	private static Processor step(Stage<Submission, Submission> stage) {
		return Stage.of(Submission.class, stage);
	}

}
