package nl.ketenpoort.gateway.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an actor is allowed to be in Ketenpoort; object-level limits on people's data (own
 * organisation, own consents) are applied on top of the role by {@link AccessPolicy}.
 */
public enum Role {

	/** A partner system, authenticated with a client assertion. */
	PARTNER,

	/** A status holder: own consents and own audit view. */
	STATUS_HOLDER,

	/** A COA case manager: records consent on behalf of a status holder. */
	CASE_MANAGER,

	/** A client manager of the municipality. */
	CLIENT_MANAGER,

	/** A privacy officer: the audit events of their own organisation. */
	PRIVACY_OFFICER,

	/** An operator: dead letters, keys, metrics. */
	OPERATOR,

	/**
	 * A programme manager who monitors the chain as a whole; reaches the staff console,
	 * and no one's personal data.
	 */
	PROGRAMME_MANAGER;

	/** The Spring Security authority, such as {@code ROLE_PRIVACY_OFFICER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The code used in configuration and the database, such as {@code privacy-officer}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Role> fromCode(String code) {
		return Arrays.stream(values()).filter((role) -> role.code().equals(code)).findFirst();
	}

}
