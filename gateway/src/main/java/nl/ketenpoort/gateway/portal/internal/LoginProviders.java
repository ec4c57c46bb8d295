package nl.ketenpoort.gateway.portal.internal;

import java.util.List;

import nl.ketenpoort.gateway.identity.UpstreamProviders;
import nl.ketenpoort.gateway.identity.UpstreamProviders.ProviderButton;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the login page its buttons for signing in at the configured upstream providers;
 * none when no provider is configured.
 */
@ControllerAdvice(assignableTypes = LoginController.class)
class LoginProviders {

	private final UpstreamProviders providers;

	LoginProviders(UpstreamProviders providers) {
		this.providers = providers;
	}

	@ModelAttribute("providers")
	List<ProviderButton> providers() {
		return this.providers.buttons();
	}

	@ModelAttribute("broker")
	boolean broker() {
		return this.providers.buttons().stream().anyMatch(ProviderButton::broker);
	}

}
