package nl.ketenpoort.gateway.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code jti} of every accepted client assertion, kept in PostgreSQL until the
 * assertion expires, so that an assertion is accepted once on whichever node it arrives
 * (RFC 7523 section 3).
 */
class SeenAssertions {

	private final JdbcClient jdbc;

	SeenAssertions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the assertion id.
	 * @return {@code true} the first time, {@code false} when it was seen before
	 */
	boolean firstUse(String clientId, String jti, Instant expiresAt) {
		forgetExpired();
		return this.jdbc
			.sql("INSERT INTO identity_assertion_jti (client_id, jti, expires_at) VALUES (:client, :jti, :exp)"
					+ " ON CONFLICT DO NOTHING")
			.param("client", clientId)
			.param("jti", jti)
			.param("exp", Timestamp.from(expiresAt))
			.update() == 1;
	}

	private void forgetExpired() {
		// Token requests are few (one per partner every few minutes), so housekeeping on
		// the way costs less than a scheduler; expired tokens and codes go too, an hour
		// after they lapse so that introspection can still answer "inactive".
		this.jdbc.sql("DELETE FROM identity_assertion_jti WHERE expires_at < now()").update();
		this.jdbc.sql("""
				DELETE FROM oauth2_authorization
				WHERE greatest(access_token_expires_at, authorization_code_expires_at, oidc_id_token_expires_at,
				refresh_token_expires_at) < now() - interval '1 hour'""").update();
	}

}
