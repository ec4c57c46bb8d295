package nl.ketenpoort.keys;

/**
 * A statement signed with a purpose's active key.
 *
 * @param kid the id of the key that signed it
 * @param jws the compact JWS (ES256)
 */
public record SignedStatement(String kid, String jws) {
}
