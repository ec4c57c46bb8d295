/**
 * Identity and access: the authorization server for partner systems and people, the rules
 * for who may call what, and the {@link nl.ketenpoort.gateway.identity.Actor} that
 * features check their object-level decisions against.
 */
@NullMarked
package nl.ketenpoort.gateway.identity;

import org.jspecify.annotations.NullMarked;
