package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;

/**
 * A grant repeated an active consent exactly, so nothing new was stored; published inside
 * the granting transaction so that the attempt is on record.
 *
 * @param consentId the active consent the grant repeated
 * @param subject the status holder's pseudonym
 * @param purpose the purpose code
 * @param from the sending partner id
 * @param to the receiving partner ids
 * @param method how the repeated consent was collected
 * @param actor who submitted it ({@code status-holder} in the portal)
 * @param at when
 */
public record ConsentGrantDuplicate(UUID consentId, SubjectRef subject, String purpose, String from, List<String> to,
		ConsentMethod.Kind method, String actor, Instant at) {

	public ConsentGrantDuplicate {
		to = List.copyOf(to);
	}

}
