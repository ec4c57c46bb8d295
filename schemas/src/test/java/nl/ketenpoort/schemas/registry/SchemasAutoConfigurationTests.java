package nl.ketenpoort.schemas.registry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SchemasAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SchemasAutoConfiguration.class));

	@Test
	void offersOneSharedRegistry() {
		// given
		// when
		this.contexts.run((context) -> {
			// then
			assertThat(context).hasSingleBean(DocumentSchemas.class);
		});
	}

	@Test
	void stepsAsideForAnApplicationsOwnRegistry() {
		// given
		DocumentSchemas own = DocumentSchemas.load();
		// when
		this.contexts.withBean(DocumentSchemas.class, () -> own).run((context) -> {
			// then
			assertThat(context).getBean(DocumentSchemas.class).isSameAs(own);
		});
	}

}
