package nl.ketenpoort.gateway.identity;

import java.util.Optional;

import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * A login failed: with the login form after its password was checked, or a sign-in at an
 * upstream OpenID provider.
 *
 * @param person whose account it was; empty for a username that names no account, or a
 * sign-in whose account is not known
 * @param reason a stable code: {@link #BAD_CREDENTIALS} or {@link #ACCOUNT_DISABLED}, or
 * for a sign-in at a provider the name of its {@link RefusalReason}
 */
public record LoginFailed(Optional<Actor> person, String reason) {

	/** The password was wrong, or the username named no account. */
	public static final String BAD_CREDENTIALS = RefusalReason.BAD_CREDENTIALS.name();

	/** The account is deactivated. */
	public static final String ACCOUNT_DISABLED = RefusalReason.ACCOUNT_DISABLED.name();

}
