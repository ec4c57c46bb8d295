/**
 * Latency of the consent check against a registry holding a million consents.
 */
@NullMarked
package nl.ketenpoort.benchmarks.consent;

import org.jspecify.annotations.NullMarked;
