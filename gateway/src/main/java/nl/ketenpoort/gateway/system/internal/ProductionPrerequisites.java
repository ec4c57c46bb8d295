package nl.ketenpoort.gateway.system.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile the gateway starts only on what its operator configured:
 * an external database and its secrets. The conveniences of the demo and of a developer's
 * machine (an embedded PostgreSQL with {@code fsync=off}, secrets generated on first run)
 * would otherwise hide a missing setting until data is lost or unreadable.
 */
class ProductionPrerequisites implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE_URL = "spring.datasource.url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isProduction(environment)) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(environment.getProperty(DATABASE_URL))) {
			missing.add(DATABASE_URL);
		}
		for (String secret : FirstRunSecrets.SECRETS) {
			if (!StringUtils.hasText(environment.getProperty(secret))) {
				missing.add(secret);
			}
		}
		if (!missing.isEmpty()) {
			throw new ProductionSettingsMissing(missing);
		}
	}

	static boolean isProduction(ConfigurableEnvironment environment) {
		return environment.acceptsProfiles(Profiles.of("prod"));
	}

	@Override
	public int getOrder() {
		// After the configuration files (the profile is known) and FirstRunSecrets.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
