package nl.ketenpoort.gateway.system;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo keeps the interactive API documentation that the {@code prod} profile switches
 * off: the README sends people to Swagger UI.
 */
class DemoProfileTests {

	@Test
	void defaultsAndTheDemoKeepTheApiDocumentation() {
		// given
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yaml"), new ClassPathResource("application-demo.yaml"));

		// when
		Properties defaults = yaml.getObject();

		// then
		assertThat(defaults).doesNotContainKey("springdoc.swagger-ui.enabled")
			.doesNotContainKey("springdoc.api-docs.enabled");
	}

}
