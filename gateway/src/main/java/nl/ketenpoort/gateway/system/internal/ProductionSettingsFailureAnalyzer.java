package nl.ketenpoort.gateway.system.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator which settings the {@code prod} profile misses, as environment
 * variables, instead of a stack trace.
 */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsMissing> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsMissing cause) {
		StringBuilder description = new StringBuilder(
				"The prod profile starts no embedded database and generates no secrets, and these are missing:\n");
		for (int i = 0; i < cause.properties().size(); i++) {
			description.append("  - ")
				.append(cause.variables().get(i))
				.append(" (")
				.append(cause.properties().get(i))
				.append(")\n");
		}
		return new FailureAnalysis(description.toString(),
				"Set them in the environment (SPRING_DATASOURCE_URL with SPRING_DATASOURCE_USERNAME/PASSWORD and "
						+ "SPRING_FLYWAY_USER/PASSWORD for the schema owner; each secret 32 random bytes, base64, from "
						+ "your vault). A secrets.properties kept from an earlier run in KETENPOORT_DATA_DIR is read "
						+ "but never written.",
				cause);
	}

}
