/**
 * The consent registry: grants, revocations and the consent check that every exchange
 * passes, backed by signed consent statements.
 */
@NullMarked
package nl.ketenpoort.consent;

import org.jspecify.annotations.NullMarked;
