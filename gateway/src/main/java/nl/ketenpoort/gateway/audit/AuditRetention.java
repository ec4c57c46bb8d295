package nl.ketenpoort.gateway.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long audit events are kept, per purpose: the retention is a decision of the
 * controllers in the line, so it is configuration, not code.
 *
 * @param defaultPeriod for events without a purpose (reads, exports, refused requests)
 * and for purposes without their own period
 * @param purposes period per purpose code of the catalogue
 * @param pruneEvery how often a gateway node prunes on its own (when it has the schema
 * owner's credentials); {@code 0} switches that off, {@code audit prune} still works
 * @param minimum the shortest period the gateway prunes by on its own, and
 * {@code audit prune} without {@code --i-understand-this-deletes-evidence}: a typo such
 * as {@code P0D} must not empty the log
 */
@ConfigurationProperties("ketenpoort.audit.retention")
public record AuditRetention(@DefaultValue("P7Y") Period defaultPeriod, @DefaultValue Map<String, Period> purposes,
		@DefaultValue("24h") Duration pruneEvery, @DefaultValue("P1Y") Period minimum) {

	public AuditRetention {
		purposes = new TreeMap<>(purposes);
	}

	/** The period that applies to events of this purpose (or of none). */
	public Period periodFor(@Nullable String purpose) {
		return (purpose != null) ? this.purposes.getOrDefault(purpose, this.defaultPeriod) : this.defaultPeriod;
	}

	/**
	 * Every period in force as ISO 8601, the default under {@code default}: for officers
	 * and for the pruning statements.
	 */
	public Map<String, String> inForce() {
		Map<String, String> periods = new java.util.LinkedHashMap<>();
		periods.put("default", this.defaultPeriod.toString());
		this.purposes.forEach((purpose, period) -> periods.put(purpose, period.toString()));
		return periods;
	}

	/** The longest period in force: how long any record is kept at most. */
	public Period longest() {
		java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1);
		Period longest = this.defaultPeriod;
		for (Period period : this.purposes.values()) {
			if (from.plus(period).isAfter(from.plus(longest))) {
				longest = period;
			}
		}
		return longest;
	}

	/**
	 * Every period in force that is shorter than the minimum, as {@code name=period} (the
	 * default under {@code default}); empty when none is.
	 */
	public java.util.List<String> shorterThanMinimum() {
		java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1);
		return inForce().entrySet()
			.stream()
			.filter((entry) -> from.plus(Period.parse(entry.getValue())).isBefore(from.plus(this.minimum)))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toList();
	}

	/** Events of this purpose recorded before the returned instant may be pruned. */
	public Instant cutoff(@Nullable String purpose, Instant now) {
		return now.atOffset(ZoneOffset.UTC).minus(periodFor(purpose)).toInstant();
	}

}
