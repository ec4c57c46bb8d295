package nl.ketenpoort.gateway.identity;

/**
 * A person logged in with the login form.
 *
 * @param person who logged in
 */
public record LoginSucceeded(Actor person) {
}
