/**
 * The database module's own classes: other modules use its API, the package above, and
 * never these (ModularityTests).
 */
@NullMarked
package nl.ketenpoort.gateway.database.internal;

import org.jspecify.annotations.NullMarked;
