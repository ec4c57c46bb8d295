/**
 * Signing in at upstream OpenID providers: staff at their own organisation's provider,
 * status holders through a DigiD broker (NL GOV OpenID Connect profile). Provider claims
 * become a Ketenpoort {@link nl.ketenpoort.gateway.identity.Person} here, and nowhere
 * else.
 */
@NullMarked
package nl.ketenpoort.gateway.identity.internal.federation;

import org.jspecify.annotations.NullMarked;
