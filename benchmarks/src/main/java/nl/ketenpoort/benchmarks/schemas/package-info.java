/**
 * Benchmarks of the schemas module: validation of a typical document against a parse-only
 * baseline.
 */
@NullMarked
package nl.ketenpoort.benchmarks.schemas;

import org.jspecify.annotations.NullMarked;
