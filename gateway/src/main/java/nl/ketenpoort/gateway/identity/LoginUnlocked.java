package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * An operator unlocked an account ({@code person unlock}).
 *
 * @param person whose account it is; empty for a username that names no account
 */
public record LoginUnlocked(Optional<Actor> person) {
}
