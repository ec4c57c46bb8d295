/**
 * Metrics: the gateway's domain metrics for Prometheus (exchanges, delivery lag, outbox,
 * consent checks, audit appends), never labelled with a subject, an exchange or a person,
 * counted from the domain events rather than at each call site.
 */
@NullMarked
package nl.ketenpoort.gateway.metrics;

import org.jspecify.annotations.NullMarked;
