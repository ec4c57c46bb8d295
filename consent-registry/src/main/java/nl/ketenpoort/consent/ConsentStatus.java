package nl.ketenpoort.consent;

import java.util.Arrays;

/**
 * Where a consent stands; also served by the public status endpoint.
 */
public enum ConsentStatus {

	/** In force: exchanges within its scope are allowed until its end of validity. */
	ACTIVE("active"),

	/** Withdrawn by or for the status holder; never becomes active again. */
	REVOKED("revoked"),

	/** Its validity has ended. */
	EXPIRED("expired");

	private final String code;

	ConsentStatus(String code) {
		this.code = code;
	}

	/** The stable code used in the database and the API. */
	public String code() {
		return this.code;
	}

	static ConsentStatus fromCode(String code) {
		return Arrays.stream(values())
			.filter((status) -> status.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown consent status in the database: " + code));
	}

}
