/**
 * The benchmarks jar's entry point.
 */
@NullMarked
package nl.ketenpoort.benchmarks;

import org.jspecify.annotations.NullMarked;
