package nl.ketenpoort.gateway.system.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.info.Contact;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code info.contact} of the OpenAPI document: the Ketenpoort project unless the
 * operator names its own service desk, and never a contact the document cannot carry.
 */
class OpenApiSettingsTests {

	@Test
	void unsetTheContactIsTheProjectAndItsOnboardingPage() {
		// when
		Contact contact = OpenApiConfiguration.contact(bind(Map.of()).contact());

		// then
		assertThat(contact.getName()).isEqualTo("Ketenpoort");
		assertThat(contact.getUrl()).isEqualTo("https://ketenpoort.nl/docs/partner-onboarding.md");
		assertThat(contact.getEmail()).isNull();
	}

	@Test
	void anOperatorNamesItsOwnServiceDesk() {
		// given
		Map<String, String> properties = Map.of("ketenpoort.api.contact.name", "Servicedesk Ketenpoort COA",
				"ketenpoort.api.contact.url", "https://servicedesk.coa.example/ketenpoort",
				"ketenpoort.api.contact.email", " ketenpoort@coa.example ");

		// when
		Contact contact = OpenApiConfiguration.contact(bind(properties).contact());

		// then
		assertThat(contact.getName()).isEqualTo("Servicedesk Ketenpoort COA");
		assertThat(contact.getUrl()).isEqualTo("https://servicedesk.coa.example/ketenpoort");
		assertThat(contact.getEmail()).isEqualTo("ketenpoort@coa.example");
	}

	@Test
	void aBlankEmailIsNone() {
		// when
		Contact contact = OpenApiConfiguration.contact(bind(Map.of("ketenpoort.api.contact.email", "")).contact());

		// then
		assertThat(contact.getEmail()).isNull();
	}

	@Test
	void aContactTheDocumentCannotCarryStopsTheStart() {
		for (Map<String, String> properties : List.of(Map.of("ketenpoort.api.contact.url", "servicedesk.example"),
				Map.of("ketenpoort.api.contact.url", "/docs/partner-onboarding.md"),
				Map.of("ketenpoort.api.contact.url", "ftp://servicedesk.example/"),
				Map.of("ketenpoort.api.contact.name", " "), Map.of("ketenpoort.api.contact.email", "servicedesk"))) {
			assertThatExceptionOfType(BindException.class).as(properties.toString())
				.isThrownBy(() -> bind(properties))
				.havingRootCause()
				.isInstanceOf(OpenApiSettingsInvalid.class);
		}
	}

	private static OpenApiSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("ketenpoort.api",
				Bindable.of(OpenApiSettings.class));
	}

}
