package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What Ketenpoort's authorization requests at upstream providers add to Spring
 * Security's: PKCE with S256 for every provider, although Ketenpoort is a confidential
 * client there too (RFC 9700 section 2.1.1); at the broker the accepted levels of
 * assurance as {@code acr_values}; and everywhere the reader's page language as
 * {@code ui_locales}, so that the provider's pages can be in it.
 */
class AuthorizationRequests implements Consumer<OAuth2AuthorizationRequest.Builder> {

	private final Consumer<OAuth2AuthorizationRequest.Builder> pkce = OAuth2AuthorizationRequestCustomizers.withPkce();

	private final List<String> acrValues;

	private final LocaleResolver locales;

	AuthorizationRequests(List<String> acrValues, LocaleResolver locales) {
		this.acrValues = List.copyOf(acrValues);
		this.locales = locales;
	}

	@Override
	public void accept(OAuth2AuthorizationRequest.Builder builder) {
		this.pkce.accept(builder);
		String[] registrationId = new String[1];
		builder.attributes(
				(attributes) -> registrationId[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
		builder.additionalParameters((parameters) -> {
			if (FederationSettings.BROKER.equals(registrationId[0]) && !this.acrValues.isEmpty()) {
				parameters.put("acr_values", String.join(" ", this.acrValues));
			}
			if (request != null) {
				parameters.put("ui_locales", this.locales.resolveLocale(request).toLanguageTag());
			}
		});
	}

}
