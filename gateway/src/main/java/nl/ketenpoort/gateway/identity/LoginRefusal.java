package nl.ketenpoort.gateway.identity;

/**
 * What the login page says about a login refused before its password was checked; the
 * security chain forwards to {@link #PAGE} with it in the request attribute
 * {@link #ATTRIBUTE}.
 *
 * @param locked whether the account is locked (otherwise it must wait)
 * @param retryAfterSeconds how long to wait, for a login that must wait
 */
public record LoginRefusal(boolean locked, long retryAfterSeconds) {

	/** The request attribute that holds the refusal. */
	public static final String ATTRIBUTE = LoginRefusal.class.getName();

	/** Where the login page with a refusal is rendered. */
	public static final String PAGE = "/login/refused";

}
