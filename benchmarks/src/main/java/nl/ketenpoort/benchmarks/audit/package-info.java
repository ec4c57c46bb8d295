/**
 * Benchmarks of the audit log, run on demand against the gateway's database: verification
 * throughput against a plain sequential read, and subject search against a primary-key
 * lookup.
 */
@NullMarked
package nl.ketenpoort.benchmarks.audit;

import org.jspecify.annotations.NullMarked;
