package nl.ketenpoort.gateway.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a login session of the pages lasts ({@code ketenpoort.identity.sessions.*}):
 * it ends after a while without requests, shorter for staff, who see many people's data,
 * than for status holders, who see their own; and in any case a fixed time after the
 * login.
 *
 * @param staffIdleTimeout idle time after which a session of staff ends (everyone who is
 * not only a status holder)
 * @param statusHolderIdleTimeout idle time after which a session of a status holder ends
 * @param absoluteLifetime time after the login at which every session ends, however busy
 */
@ConfigurationProperties("ketenpoort.identity.sessions")
record SessionSettings(@DefaultValue("15m") Duration staffIdleTimeout,
		@DefaultValue("30m") Duration statusHolderIdleTimeout, @DefaultValue("8h") Duration absoluteLifetime) {

	SessionSettings {
		if (!positive(staffIdleTimeout) || !positive(statusHolderIdleTimeout) || !positive(absoluteLifetime)
				|| absoluteLifetime.compareTo(staffIdleTimeout) < 0
				|| absoluteLifetime.compareTo(statusHolderIdleTimeout) < 0) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.sessions timeouts must be positive, and "
					+ "absolute-lifetime at least each idle timeout");
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
