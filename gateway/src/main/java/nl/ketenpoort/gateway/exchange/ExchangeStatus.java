package nl.ketenpoort.gateway.exchange;

import java.util.Locale;

/**
 * Where an exchange stands; shown to the sender at {@code GET /api/v1/exchanges/{id}}.
 */
public enum ExchangeStatus {

	ACCEPTED, DELIVERING, DELIVERED, FAILED, REFUSED, DEAD_LETTERED;

	/** The stored and published form: lower case with hyphens. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static ExchangeStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
