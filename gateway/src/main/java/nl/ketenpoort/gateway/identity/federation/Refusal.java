package nl.ketenpoort.gateway.identity.federation;

import org.springframework.http.HttpStatus;

/**
 * Why a sign-in at an upstream provider did not let the person in: the bounded reason of
 * its {@code login-failed} audit event, and which page the person sees.
 */
public enum Refusal {

	/**
	 * The broker's {@code acr} is not one of the accepted levels of assurance (or is
	 * missing).
	 */
	ACR_TOO_LOW(HttpStatus.FORBIDDEN),

	/**
	 * The ID token names another organisation than the provider's, or the account belongs
	 * to another organisation.
	 */
	ORGANISATION_MISMATCH(HttpStatus.FORBIDDEN),

	/**
	 * No claim value of the person maps to a Ketenpoort role (any roles the account had
	 * are removed).
	 */
	NO_ROLE(HttpStatus.FORBIDDEN),

	/**
	 * The BSN names no status holder the consent registry knows: the person sees the
	 * explanation that their case manager records consent on paper.
	 */
	NO_SUBJECT(HttpStatus.FORBIDDEN),

	/** The broker's ID token has no valid BSN in the configured claim. */
	NO_BSN(HttpStatus.FORBIDDEN),

	/** The account is deactivated. */
	ACCOUNT_DISABLED(HttpStatus.FORBIDDEN),

	/**
	 * The broker's {@code represents} claim names no valid BSN of the represented person.
	 */
	REPRESENTS_INVALID(HttpStatus.FORBIDDEN),

	/**
	 * The {@code represents} claim names someone no mandate lets this person act for.
	 */
	NO_MANDATE(HttpStatus.FORBIDDEN),

	/**
	 * The mandate to act for the person the {@code represents} claim names has ended (its
	 * last day passed, or the minor turned 18).
	 */
	MANDATE_EXPIRED(HttpStatus.FORBIDDEN),

	/**
	 * The mandate to act for the person the {@code represents} claim names was revoked.
	 */
	MANDATE_REVOKED(HttpStatus.FORBIDDEN),

	/**
	 * The provider cannot be reached (discovery or token endpoint), or its discovery
	 * document does not fit.
	 */
	PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

	/**
	 * The provider answered with an error (also when the person cancelled there), or its
	 * answer did not pass the checks (state, ID token signature, nonce, audience).
	 */
	PROVIDER_ERROR(HttpStatus.UNAUTHORIZED);

	private final HttpStatus status;

	Refusal(HttpStatus status) {
		this.status = status;
	}

	/** The HTTP status of the page or problem document that says so. */
	public HttpStatus status() {
		return this.status;
	}

	/** The message key of the page's title; {@code <key>.text} is its explanation. */
	public String messageKey() {
		return "federation." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
