/**
 * The one place for keys and digests: encrypted ES256 signing keys per purpose with
 * rotation and published key sets, and SHA-256.
 */
@NullMarked
package nl.ketenpoort.keys;

import org.jspecify.annotations.NullMarked;
