package nl.ketenpoort.gateway.identity;

/**
 * An operator changed a local account with the {@code person} commands.
 *
 * @param change what changed
 * @param person the account as it is now
 */
public record PersonChanged(Change change, Actor person) {

	/** What an operator did to an account. */
	public enum Change {

		/** Added it ({@code person add}). */
		ADDED,

		/** Disabled it ({@code person disable}). */
		DISABLED,

		/** Replaced its roles ({@code person roles}). */
		ROLES_REPLACED

	}

}
