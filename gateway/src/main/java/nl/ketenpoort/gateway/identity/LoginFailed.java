package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * A login failed: with the login form after its password was checked, or a sign-in at an
 * upstream OpenID provider.
 *
 * @param person whose account it was; empty for a username that names no account, or a
 * sign-in whose account is not known
 * @param reason a stable code: {@value #BAD_CREDENTIALS} or {@value #ACCOUNT_DISABLED},
 * or for a sign-in at a provider the name of its
 * {@code nl.ketenpoort.gateway.identity.federation.Refusal}
 */
public record LoginFailed(Optional<Actor> person, String reason) {

	/** The password was wrong, or the username named no account. */
	public static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";

	/** The account is deactivated. */
	public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

}
