package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * A request that carried credentials was refused as unauthenticated (401): an invalid or
 * malformed token, an unsupported authorization scheme, an ended or unknown session.
 *
 * @param caller who called, when known
 * @param reason a bounded reason code, such as {@code TOKEN_INVALID}
 * @param address the pseudonym of the client address
 */
public record CredentialsRefused(Optional<Actor> caller, String reason, String address) {

}
