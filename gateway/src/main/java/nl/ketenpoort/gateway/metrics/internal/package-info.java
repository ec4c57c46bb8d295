/**
 * The metrics module's own classes: other modules use its API, the package above, and
 * never these (ModularityTests).
 */
@NullMarked
package nl.ketenpoort.gateway.metrics.internal;

import org.jspecify.annotations.NullMarked;
