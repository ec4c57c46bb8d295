package nl.ketenpoort.gateway.exchange.internal;

import org.apache.camel.Processor;

/**
 * One typed step of the accept route: it takes what the earlier steps made of the
 * submission and returns what it made of it, or refuses with {@link ExchangeRefused}.
 *
 * @param <I> what the step takes
 * @param <O> what it returns
 */
@FunctionalInterface
interface Stage<I, O> {

	O apply(I input);

	/** This step as a Camel processor that replaces the message body with its result. */
	static <I, O> Processor of(Class<I> input, Stage<I, O> stage) {
		return (exchange) -> exchange.getMessage().setBody(stage.apply(exchange.getMessage().getMandatoryBody(input)));
	}

}
