package nl.ketenpoort.consent.subject;

import java.time.Instant;

import nl.ketenpoort.schemas.IdentifierKind;

/**
 * A second identifier linked to a subject (a BSN to the subject first known by its
 * V-number), as an operator reviews it: pseudonyms only.
 *
 * @param kind the kind of the linked identifier
 * @param identifierPseudonym the linked identifier's pseudonym
 * @param subject the subject it is linked to
 * @param linkedAt when the link was written
 */
public record SubjectLink(IdentifierKind kind, String identifierPseudonym, SubjectRef subject, Instant linkedAt) {
}
