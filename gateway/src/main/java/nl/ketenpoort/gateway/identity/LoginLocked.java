package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * An account failed to log in too often and is locked until an operator unlocks it.
 *
 * @param person whose account it is; empty for a username that names no account
 */
public record LoginLocked(Optional<Actor> person) {
}
