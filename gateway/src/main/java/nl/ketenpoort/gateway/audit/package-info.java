/**
 * The tamper-evident audit log: every exchange attempt, consent change and read of audit
 * data, hash-chained, checkpointed with signatures, verifiable and searchable.
 */
@NullMarked
package nl.ketenpoort.gateway.audit;

import org.jspecify.annotations.NullMarked;
