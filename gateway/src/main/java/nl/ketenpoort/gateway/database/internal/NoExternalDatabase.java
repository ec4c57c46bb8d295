package nl.ketenpoort.gateway.database.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external database is configured ({@code SPRING_DATASOURCE_URL} unset),
 * outside the {@code prod} profile.
 */
class NoExternalDatabase implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		// Never in production, even if the start-up check were bypassed.
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
				&& !context.getEnvironment().acceptsProfiles(Profiles.of("prod"));
	}

}
