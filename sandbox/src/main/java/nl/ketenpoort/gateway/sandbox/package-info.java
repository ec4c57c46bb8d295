/**
 * Sandbox partners: small real HTTP endpoints beside the gateway, in the demo jar (the
 * sandbox module, never the product jar), that behave like the partner systems (receive,
 * verify the consent statement, store once per idempotency key, fail on request), for the
 * demo profile and for the sandbox module's tests.
 */
@NullMarked
package nl.ketenpoort.gateway.sandbox;

import org.jspecify.annotations.NullMarked;
