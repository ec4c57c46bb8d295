/**
 * Status holders as pseudonymous subjects: V-numbers and BSNs are keyed-hashed and never
 * stored in clear, and a later BSN links to the subject first known by its V-number.
 */
@NullMarked
package nl.ketenpoort.consent.subject;

import org.jspecify.annotations.NullMarked;
