/**
 * How the on-demand benchmarks print their figures: the one place that writes to the
 * console.
 */
@NullMarked
package nl.ketenpoort.benchmarks.report;

import org.jspecify.annotations.NullMarked;
