package nl.ketenpoort.adapters;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the adapters ({@code ketenpoort.adapters.*}).
 *
 * @param http timeouts of deliveries over HTTP
 * @param tvsIntake the directory TVS drops its exports in
 * @param targets each partner's default delivery target, by partner id: an {@code https:}
 * endpoint or a {@code file:} directory
 */
@ConfigurationProperties("ketenpoort.adapters")
public record AdapterSettings(@DefaultValue Http http, @DefaultValue TvsIntake tvsIntake, Map<String, URI> targets) {

	public AdapterSettings {
		targets = (targets != null) ? Map.copyOf(targets) : Map.of();
	}

	/**
	 * Settings with every default, for tests and plain (non-Spring) use.
	 * @return the defaults
	 */
	public static AdapterSettings defaults() {
		return new AdapterSettings(Http.defaults(), TvsIntake.defaults(), Map.of());
	}

	/**
	 * HTTP delivery timeouts.
	 *
	 * @param connectTimeout how long to wait for a connection (then: retryable timeout)
	 * @param responseTimeout how long to wait for the answer (then: retryable timeout)
	 */
	public record Http(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration responseTimeout) {

		public static Http defaults() {
			return new Http(Duration.ofSeconds(5), Duration.ofSeconds(30));
		}

	}

	/**
	 * The TVS file intake; the intake route only runs when a directory is set.
	 *
	 * @param directory where TVS drops its XML exports; {@code done/} and {@code error/}
	 * are made inside it
	 * @param pollInterval how often the directory is read
	 * @param maxFileSize larger files are refused (moved to {@code error/})
	 * @param routeConfigurationId the Camel route configuration (error handling) to
	 * attach, or {@code null}
	 */
	public record TvsIntake(@Nullable Path directory, @DefaultValue("5s") Duration pollInterval,
			@DefaultValue("5MB") DataSize maxFileSize, @Nullable String routeConfigurationId) {

		public static TvsIntake defaults() {
			return new TvsIntake(null, Duration.ofSeconds(5), DataSize.ofMegabytes(5), null);
		}

	}

}
