package nl.ketenpoort.gateway.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mode of each sandbox partner, kept in PostgreSQL so that every gateway node serving
 * the sandbox answers alike; a partner without a row is {@code ok}.
 */
class PartnerModes {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration defaultSlowDelay;

	PartnerModes(JdbcClient jdbc, Clock clock, Duration defaultSlowDelay) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaultSlowDelay = defaultSlowDelay;
	}

	/**
	 * A partner's mode with the delay it applies.
	 *
	 * @param mode the mode
	 * @param delay how long a slow answer takes (only meaningful for {@code slow})
	 * @param changedAt when it was set, or {@code null} when never
	 */
	record Current(SandboxMode mode, Duration delay, @Nullable Instant changedAt) {

	}

	Current of(String partnerId) {
		return this.jdbc.sql("SELECT mode, delay_ms, changed_at FROM sandbox_partner_mode WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query((rs, row) -> {
				long delay = rs.getLong("delay_ms");
				return new Current(SandboxMode.fromCode(rs.getString("mode")).orElse(SandboxMode.OK),
						rs.wasNull() ? this.defaultSlowDelay : Duration.ofMillis(delay),
						rs.getTimestamp("changed_at").toInstant());
			})
			.optional()
			.orElseGet(() -> new Current(SandboxMode.OK, this.defaultSlowDelay, null));
	}

	Current set(String partnerId, SandboxMode mode, @Nullable Duration delay) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO sandbox_partner_mode (partner_id, mode, delay_ms, changed_at)
				VALUES (:partner, :mode, :delay, :now)
				ON CONFLICT (partner_id) DO UPDATE SET mode = :mode, delay_ms = :delay, changed_at = :now""")
			.param("partner", partnerId)
			.param("mode", mode.code())
			.param("delay", (delay != null) ? delay.toMillis() : null, java.sql.Types.BIGINT)
			.param("now", Timestamp.from(now))
			.update();
		return new Current(mode, (delay != null) ? delay : this.defaultSlowDelay, now);
	}

}
