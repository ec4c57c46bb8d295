package nl.ketenpoort.gateway.system.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code prod} profile was started without settings it never makes up itself.
 */
class ProductionSettingsMissing extends RuntimeException {

	private final List<String> missing;

	ProductionSettingsMissing(List<String> missing) {
		super("The prod profile needs settings that are not configured: " + String.join(", ", missing));
		this.missing = List.copyOf(missing);
	}

	/**
	 * The missing properties, as their environment variables
	 * ({@code SPRING_DATASOURCE_URL}).
	 */
	List<String> variables() {
		return this.missing.stream()
			.map((name) -> name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT))
			.collect(Collectors.toList());
	}

	List<String> properties() {
		return this.missing;
	}

}
