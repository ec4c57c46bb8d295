/**
 * Representatives with a mandate: a case manager records that a person (a Nidos guardian,
 * or someone with a written mandate) may act for a status holder until a date, and
 * {@link nl.ketenpoort.gateway.mandate.internal.Representations} decides at every login
 * and page request whether that person still acts for them.
 */
@NullMarked
package nl.ketenpoort.gateway.mandate;

import org.jspecify.annotations.NullMarked;
