package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * A login with the login form failed after its password was checked.
 *
 * @param person whose account it was; empty for a username that names no account
 * @param reason a stable code: {@value #BAD_CREDENTIALS} or {@value #ACCOUNT_DISABLED}
 */
public record LoginFailed(Optional<Actor> person, String reason) {

	/** The password was wrong, or the username named no account. */
	public static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";

	/** The account is deactivated. */
	public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

}
