package nl.ketenpoort.gateway.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a sandbox partner answers the gateway, to show retries, timeouts and queued
 * documents.
 */
enum SandboxMode {

	/** Accepts and stores the document, answers 200. */
	OK("ok"),

	/** Answers 503 with a problem document; stores nothing. */
	ERROR_503("error-503"),

	/** Stores the document, then answers 200 only after the slow delay. */
	SLOW("slow"),

	/**
	 * Unreachable: answers 503 without a body and closes the connection; stores nothing.
	 */
	DOWN("down");

	private final String code;

	SandboxMode(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static Optional<SandboxMode> fromCode(String code) {
		String wanted = code.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((mode) -> mode.code.equals(wanted)).findFirst();
	}

}
