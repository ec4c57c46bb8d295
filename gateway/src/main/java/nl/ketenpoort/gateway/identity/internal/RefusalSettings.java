package nl.ketenpoort.gateway.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How refused requests are audited without letting a flood of them load the audit chain
 * ({@code ketenpoort.identity.refusals.*}).
 *
 * @param summaryInterval how long refusals without credentials from one client address
 * are counted before one audit event records their number
 * @param auditedPerAddress how many refusals with credentials (a token, a session) from
 * one client address are audited one by one within a summary interval; further ones are
 * counted into a summary like refusals without credentials
 * @param addressesTracked how many client addresses are counted apart; beyond that,
 * refusals from new addresses share one count, so memory stays bounded
 */
@ConfigurationProperties("ketenpoort.identity.refusals")
record RefusalSettings(@DefaultValue("1m") Duration summaryInterval, @DefaultValue("600") int auditedPerAddress,
		@DefaultValue("10000") int addressesTracked) {

	RefusalSettings {
		if (summaryInterval.isNegative() || summaryInterval.isZero() || auditedPerAddress < 1 || addressesTracked < 1) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.refusals.summary-interval must be positive, "
					+ "audited-per-address and addresses-tracked at least 1");
		}
	}

}
