package nl.ketenpoort.schemas.registry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Offers one shared {@link DocumentSchemas} to Spring applications, so the schemas are
 * compiled once per application rather than once per user.
 */
@AutoConfiguration
public class SchemasAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DocumentSchemas documentSchemas() {
		return DocumentSchemas.load();
	}

}
