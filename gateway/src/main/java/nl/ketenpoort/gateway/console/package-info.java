/**
 * The professional console: case managers record consent on behalf of a status holder and
 * follow their documents, privacy officers search and verify the audit log of their
 * organisation, operators replay dead letters and watch partner health.
 */
@NullMarked
package nl.ketenpoort.gateway.console;

import org.jspecify.annotations.NullMarked;
