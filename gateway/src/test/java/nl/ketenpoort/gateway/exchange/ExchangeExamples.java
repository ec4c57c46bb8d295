package nl.ketenpoort.gateway.exchange;

import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic canonical documents for tests in other packages, taken from the schema
 * examples.
 */
public final class ExchangeExamples {

	private ExchangeExamples() {
	}

	public static ObjectNode clientProfile() {
		return ExchangeIntegrationTests.example("client-profile");
	}

}
