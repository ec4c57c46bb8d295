/**
 * The partner registry: which systems take part, what each may send and receive for which
 * purpose, where documents are delivered, and the public keys they authenticate with.
 */
@NullMarked
package nl.ketenpoort.gateway.partner;

import org.jspecify.annotations.NullMarked;
