package nl.ketenpoort.gateway.system.internal;

import java.net.URI;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the OpenAPI document says about who serves the API ({@code ketenpoort.api.*}).
 *
 * @param contact whom partner developers ask, {@code info.contact}
 * ({@code /core/doc-openapi-contact})
 */
@ConfigurationProperties("ketenpoort.api")
record OpenApiSettings(@DefaultValue Contact contact) {

	/**
	 * The contact of the API: by default the Ketenpoort project and its onboarding page;
	 * an operator names its own service desk.
	 *
	 * @param name who answers, e.g. the operator's service desk
	 * @param url where partner developers find help: an absolute {@code http(s)} URL
	 * (OpenAPI's {@code contact.url} is a URL, relative references are not)
	 * @param email the address to write to; none unless set (a blank value counts as
	 * none), since the project has no mailbox of its own
	 */
	record Contact(@DefaultValue("Ketenpoort") String name,
			@DefaultValue("https://ketenpoort.nl/docs/partner-onboarding.md") URI url, @Nullable String email) {

		private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

		Contact {
			if (name.isBlank()) {
				throw new OpenApiSettingsInvalid("ketenpoort.api.contact.name must not be blank");
			}
			if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
				throw new OpenApiSettingsInvalid("ketenpoort.api.contact.url must be an absolute http(s) URL");
			}
			email = (email == null || email.isBlank()) ? null : email.strip();
			if (email != null && !EMAIL.matcher(email).matches()) {
				throw new OpenApiSettingsInvalid("ketenpoort.api.contact.email must be an e-mail address");
			}
		}

	}

}
