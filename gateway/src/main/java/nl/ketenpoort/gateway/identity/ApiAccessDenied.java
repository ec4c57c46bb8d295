package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * A request that carried credentials (a token, a session) was refused by access control
 * (403) before any controller saw it, so the feature it was meant for can still record
 * the refusal.
 *
 * @param caller who called, when known
 * @param method the HTTP method
 * @param path the request path, without the query; never to be recorded, it is the
 * caller's text
 * @param reason a bounded reason code, such as {@code ROLE_NOT_ALLOWED}
 * @param address the pseudonym of the client address
 */
public record ApiAccessDenied(Optional<Actor> caller, String method, String path, String reason, String address) {

	/** The path of exchange submissions. */
	private static final String EXCHANGES = "/api/v1/exchanges";

	/**
	 * Whether this was an exchange submission, which the exchange feature records as a
	 * refused exchange.
	 */
	public boolean submission() {
		return "POST".equals(this.method) && EXCHANGES.equals(this.path);
	}

}
