/**
 * The accept-path load driver: submits client profiles to a running gateway and measures
 * them against a bare endpoint of the same server.
 */
@NullMarked
package nl.ketenpoort.benchmarks.load;

import org.jspecify.annotations.NullMarked;
