package nl.ketenpoort.gateway.identity;

/**
 * A person logged in: with the login form, or by signing in at an upstream OpenID
 * provider.
 *
 * @param person who logged in
 */
public record LoginSucceeded(Actor person) {
}
