package nl.ketenpoort.gateway.identity;

import java.util.Optional;

/**
 * An authenticated API call was refused by access control (403) before any controller saw
 * it, so the feature it was meant for can still record the refusal.
 *
 * @param caller who called, when known
 * @param method the HTTP method
 * @param path the request path, without the query
 */
public record ApiAccessDenied(Optional<Actor> caller, String method, String path) {

}
