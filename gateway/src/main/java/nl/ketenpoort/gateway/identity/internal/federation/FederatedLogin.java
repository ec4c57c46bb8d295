package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.List;

import nl.ketenpoort.gateway.identity.internal.PageLogin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import nl.ketenpoort.gateway.identity.UpstreamProviders;

/**
 * Signing in at upstream OpenID providers on the pages, next to the login form: Spring
 * Security's {@code oauth2Login} (authorization code with PKCE S256), started at
 * {@code /oauth2/authorization/<registration>} and answered at
 * {@code /login/oauth2/code/<registration>}; logout ends the provider's session too.
 * Without configured providers it adds nothing, and the login form works as before.
 */
public class FederatedLogin implements PageLogin {

	/** Where a sign-in at a provider starts: {@code <base>/<registration id>}. */
	public static final String AUTHORIZATION_BASE_URI = "/oauth2/authorization";

	private final UpstreamProviders providers;

	private final AuthorizationRequests requests;

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens;

	private final FederatedUsers users;

	private final IdTokenDecoders idTokens;

	private final FederatedLoginSuccess success;

	private final FederatedLoginFailures failures;

	private final ProviderLogout logout;

	FederatedLogin(UpstreamProviders providers, AuthorizationRequests requests,
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens, FederatedUsers users,
			IdTokenDecoders idTokens, FederatedLoginSuccess success, FederatedLoginFailures failures,
			ProviderLogout logout) {
		this.providers = providers;
		this.requests = requests;
		this.tokens = tokens;
		this.users = users;
		this.idTokens = idTokens;
		this.success = success;
		this.failures = failures;
		this.logout = logout;
	}

	@Override
	public void configure(HttpSecurity http) {
		if (!this.providers.any()) {
			return;
		}
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.providers, AUTHORIZATION_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(this.requests);
		http.oauth2Login((login) -> login.loginPage("/login")
			.clientRegistrationRepository(this.providers)
			.authorizedClientRepository(new NoAuthorizedClients())
			.authorizationEndpoint((authorization) -> authorization.baseUri(AUTHORIZATION_BASE_URI)
				.authorizationRequestResolver(resolver))
			.tokenEndpoint((token) -> token.accessTokenResponseClient(this.tokens))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this.users))
			.successHandler(this.success)
			.failureHandler(this.failures)
			// The redirect to the provider fails when its discovery document cannot be
			// read; that must be the same translated page, not Spring's bare 500.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(FederatedLogin.this.failures);
					return filter;
				}
			}));
		http.logout((logout) -> logout.logoutSuccessHandler(this.logout));
	}

	@Override
	public List<AuthenticationProvider> authenticationProviders() {
		if (!this.providers.any()) {
			return List.of();
		}
		OidcAuthorizationCodeAuthenticationProvider provider = new OidcAuthorizationCodeAuthenticationProvider(
				this.tokens, this.users);
		provider.setJwtDecoderFactory(this.idTokens);
		return List.of(provider);
	}

}
