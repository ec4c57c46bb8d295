package nl.ketenpoort.consent;

/**
 * The outcome of a grant: the consent now active for the request, and whether this grant
 * created it or found it already active with exactly these keys.
 *
 * @param consent the new consent, or the active one the request duplicates
 * @param created whether a new consent was stored
 */
public record Grant(Consent consent, boolean created) {

	/** Whether the request repeated an active consent and nothing new was stored. */
	public boolean duplicate() {
		return !this.created;
	}

}
