/**
 * Signed consent statements (compact JWS, ES256) and the registry's signing keys, with
 * rotation and a public key set.
 */
@NullMarked
package nl.ketenpoort.consent.statement;

import org.jspecify.annotations.NullMarked;
