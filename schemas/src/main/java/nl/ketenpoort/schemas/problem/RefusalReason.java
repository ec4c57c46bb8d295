package nl.ketenpoort.schemas.problem;

/**
 * The bounded reasons of refusals, in one declaration: the {@code reason} of refused
 * audit rows and of problem documents. Audit rows hold {@link #name()}, so a constant is
 * never renamed.
 */
public enum RefusalReason {

	// The consent check (consent registry), in its order of precedence.

	/** The subject has no consent in force that relates to this exchange at all. */
	NO_CONSENT,

	/** The consent that covered this exchange was revoked. */
	REVOKED,

	/** The consent that covered this exchange has reached its end of validity. */
	EXPIRED,

	/**
	 * A consent in force names this sender and recipient, but for another purpose (or for
	 * an earlier version of this purpose).
	 */
	PURPOSE_MISMATCH,

	/**
	 * A consent in force names this purpose, but not this sender together with this
	 * recipient.
	 */
	PARTY_MISMATCH,

	/**
	 * A consent in force names this purpose, sender and recipient, but not this document
	 * type.
	 */
	DOCUMENT_NOT_COVERED,

	/**
	 * The statement is not a valid ES256 JWS, its signature does not verify, or its
	 * claims differ from the stored consent (the row was edited).
	 */
	SIGNATURE_INVALID,

	/** The statement names a signing key the registry never issued. */
	KEY_UNKNOWN,

	// Subjects.

	/** The V-number and the BSN given belong to two different status holders. */
	IDENTIFIERS_CONFLICT,

	// Sign-in at an upstream OpenID provider.

	/**
	 * The broker's {@code acr} is not one of the accepted levels of assurance (or is
	 * missing).
	 */
	ACR_TOO_LOW,

	/**
	 * The ID token names another organisation than the provider's, or the account belongs
	 * to another organisation.
	 */
	ORGANISATION_MISMATCH,

	/**
	 * No claim value of the person maps to a Ketenpoort role (any roles the account had
	 * are removed).
	 */
	NO_ROLE,

	/**
	 * The BSN names no status holder the consent registry knows: the person sees the
	 * explanation that their case manager records consent on paper.
	 */
	NO_SUBJECT,

	/** The broker's ID token has no valid BSN in the configured claim. */
	NO_BSN,

	/** The account is deactivated. */
	ACCOUNT_DISABLED,

	/**
	 * The broker's {@code represents} claim names no valid BSN of the represented person.
	 */
	REPRESENTS_INVALID,

	/**
	 * The {@code represents} claim names someone no mandate lets this person act for.
	 */
	NO_MANDATE,

	/**
	 * The mandate to act for the person the {@code represents} claim names has ended (its
	 * last day passed, or the minor turned 18).
	 */
	MANDATE_EXPIRED,

	/**
	 * The mandate to act for the person the {@code represents} claim names was revoked.
	 */
	MANDATE_REVOKED,

	/**
	 * The provider cannot be reached (discovery or token endpoint), or its discovery
	 * document does not fit.
	 */
	PROVIDER_UNAVAILABLE,

	/**
	 * The provider answered with an error (also when the person cancelled there), or its
	 * answer did not pass the checks (state, ID token signature, nonce, audience).
	 */
	PROVIDER_ERROR,

	// Access to what belongs to another organisation or person.

	/** The document read or acknowledged is addressed to another partner. */
	NOT_RECIPIENT,

	/** The exchange asked about was sent by another partner. */
	NOT_SENDER,

	/** The access token lacks the scope this needs. */
	SCOPE_MISSING,

	/** The person's role does not allow this. */
	ROLE_NOT_ALLOWED,

	/** The consent asked about is another status holder's. */
	NOT_OWN_CONSENT,

	/** A case manager records consent only for what their own organisation sends. */
	NOT_OWN_ORGANISATION,

	/** A status holder's token that names no status holder. */
	NO_OWN_SUBJECT,

	/** The mandate asked about is held by another organisation. */
	NOT_OWN_MANDATE,

	/** The person belongs to no organisation. */
	NO_ORGANISATION,

	// Credentials and access control.

	/** The password was wrong, or the username named no account. */
	BAD_CREDENTIALS,

	/** A bearer token that is not a JWT at all. */
	TOKEN_MALFORMED,

	/** A bearer token that does not verify, is expired or names another audience. */
	TOKEN_INVALID,

	/** An {@code Authorization} header of a scheme the gateway does not take. */
	CREDENTIALS_UNSUPPORTED,

	/** A session cookie that names no session (any more). */
	SESSION_UNKNOWN,

	/** The session reached its idle or absolute end. */
	SESSION_EXPIRED,

	/** The access token is bound to something other than a client certificate. */
	TOKEN_BINDING_UNSUPPORTED,

	/** A certificate-bound access token without the client certificate. */
	TOKEN_CERTIFICATE_MISSING,

	/** A certificate-bound access token with another client certificate. */
	TOKEN_CERTIFICATE_MISMATCH,

	/** A form post without its CSRF token. */
	CSRF_TOKEN_MISSING,

	/** A form post with a CSRF token that is not the session's. */
	CSRF_TOKEN_INVALID,

	/** Refused before the caller was known. */
	ACCESS_DENIED,

	/**
	 * A submission that access control refused before the exchange API (a token without a
	 * send scope, a person's token).
	 */
	FORBIDDEN,

	/** A summary of requests from one address that carried no credentials. */
	NO_CREDENTIALS,

	/** A summary of refusals from one address over the limit of a window. */
	TOO_MANY_REFUSALS,

	// Audit reads.

	/** An audit export asked for a format that does not exist. */
	FORMAT_UNKNOWN,

	// Requests.

	/**
	 * A V-number or BSN was sent in the query string, where it ends up in access logs and
	 * browser histories (API Design Rules {@code /core/transport/no-sensitive-uris}); the
	 * body of the {@code POST …/search} or {@code POST …/exports} resource takes it.
	 */
	IDENTIFIER_IN_QUERY

}
