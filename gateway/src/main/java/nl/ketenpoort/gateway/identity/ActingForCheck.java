package nl.ketenpoort.gateway.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Confirms, at every request of a login session, that the person still acts for the
 * status holder they represent: the session keeps only the mandate id (under
 * {@link #SESSION_ATTRIBUTE}), and a mandate revoked or expired ends the representation
 * at the next request, not at the next login. Implemented by the mandate feature.
 */
public interface ActingForCheck {

	/**
	 * The session attribute holding the id (a string) of the mandate the login acts
	 * under.
	 */
	String SESSION_ATTRIBUTE = "ketenpoort.identity.acting-for-mandate";

	/**
	 * The session attribute set once the representation of a session ended, so that the
	 * next page can say so.
	 */
	String ENDED_ATTRIBUTE = "ketenpoort.identity.acting-for-ended";

	/**
	 * The representation, if the mandate still lets this person act for its status holder
	 * now; an ended one is recorded in the audit log by the implementation.
	 * @param person the logged-in person, acting for nobody yet
	 * @param mandateId the mandate the session names
	 * @return whom the person acts for, or empty when the mandate no longer holds
	 */
	Optional<Actor.ActingFor> confirm(Actor person, UUID mandateId);

}
