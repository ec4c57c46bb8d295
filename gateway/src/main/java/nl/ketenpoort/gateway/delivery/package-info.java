/**
 * Delivery: claim accepted exchanges from the outbox, re-check consent, hand them to the
 * recipient's adapter exactly once (idempotency key), retry with backoff, dead-letter
 * after the limit; the inbox for recipients that collect their documents themselves.
 */
@NullMarked
package nl.ketenpoort.gateway.delivery;

import org.jspecify.annotations.NullMarked;
