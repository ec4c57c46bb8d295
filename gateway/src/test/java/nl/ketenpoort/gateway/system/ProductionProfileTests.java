package nl.ketenpoort.gateway.system;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code prod} profile switches off: the interactive API documentation, which
 * stays public by default (and in the demo: {@code DemoProfileTests} in the sandbox).
 */
class ProductionProfileTests {

	@Test
	void productionServesNoSwaggerUiAndNoApiDescription() {
		// given
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application-prod.yaml"));

		// when
		Properties prod = yaml.getObject();

		// then
		assertThat(prod).containsEntry("springdoc.swagger-ui.enabled", false)
			.containsEntry("springdoc.api-docs.enabled", false);
	}

	@Test
	void defaultsKeepTheApiDocumentation() {
		// given
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yaml"));

		// when
		Properties defaults = yaml.getObject();

		// then
		assertThat(defaults).doesNotContainKey("springdoc.swagger-ui.enabled")
			.doesNotContainKey("springdoc.api-docs.enabled");
	}

}
