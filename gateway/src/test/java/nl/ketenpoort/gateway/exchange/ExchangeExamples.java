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

	/** A valid example document of this type, from its schema's examples. */
	public static ObjectNode of(String documentType) {
		return ExchangeIntegrationTests.example(documentType);
	}

	/**
	 * The document made about the status holder with this V-number: its subject
	 * identifiers must be the envelope's, or the gateway refuses it as
	 * {@code SUBJECT_MISMATCH}.
	 */
	public static ObjectNode about(ObjectNode document, String vNumber) {
		document.putObject("subject").put("vNumber", vNumber);
		return document;
	}

}
