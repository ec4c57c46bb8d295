/**
 * The purpose catalogue: what may flow between which partners, on which legal basis,
 * explained in the status holder's language.
 */
@NullMarked
package nl.ketenpoort.consent.purpose;

import org.jspecify.annotations.NullMarked;
