/**
 * Sandbox partners: small real HTTP endpoints inside the gateway that behave like the
 * partner systems (receive, verify the consent statement, store once per idempotency key,
 * fail on request), for the demo profile and for tests.
 */
@NullMarked
package nl.ketenpoort.gateway.sandbox;

import org.jspecify.annotations.NullMarked;
