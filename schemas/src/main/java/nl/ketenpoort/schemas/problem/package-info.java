/**
 * The coded contract of library failures: a stable code and a kind the gateway maps to
 * its answer, so that no library knows HTTP.
 */
@NullMarked
package nl.ketenpoort.schemas.problem;

import org.jspecify.annotations.NullMarked;
