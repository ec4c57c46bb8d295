package nl.ketenpoort.gateway.exchange;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The accept path of one exchange, step by step as in the architecture's flow. It runs in
 * the caller's thread (direct), so a refusal reaches the partner as the HTTP answer.
 */
@Component
class AcceptRoute extends RouteBuilder {

	static final String URI = "direct:exchange-accept";

	private final AcceptSteps steps;

	private final ExchangeStore store;

	AcceptRoute(AcceptSteps steps, ExchangeStore store) {
		this.steps = steps;
		this.store = store;
	}

	@Override
	public void configure() {
		// A refusal is an answer to the partner, not an error of the gateway: it travels
		// back
		// to the caller as it is, without Camel logging it as a failed exchange.
		errorHandler(noErrorHandler());
		from(URI).routeId("exchange-accept")
			.bean(this.steps, "parse")
			.id("parse")
			.bean(this.steps, "authoriseSender")
			.id("authorise-sender")
			.bean(this.steps, "validate")
			.id("validate")
			.bean(this.steps, "pseudonymise")
			.id("pseudonymise")
			.bean(this.steps, "matchSubject")
			.id("match-subject")
			.bean(this.steps, "checkConsent")
			.id("check-consent")
			.bean(this.steps, "minimise")
			.id("minimise")
			.bean(this.store, "persist")
			.id("persist");
	}

}
