package nl.ketenpoort.gateway.identity.internal.federation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.internal.SigningKeys;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.LocaleResolver;
import nl.ketenpoort.gateway.identity.BrokerLogins;
import nl.ketenpoort.gateway.identity.RepresentationCheck;
import nl.ketenpoort.gateway.identity.UpstreamProviders;

/**
 * The parts of signing in at upstream OpenID providers: the providers from the settings,
 * Ketenpoort's client key, the token requests with client assertions, and the mapping of
 * claims to accounts.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

	/** Where providers send the person back to: Spring Security's login endpoint. */
	static final String REDIRECT_PATH = "/login/oauth2/code/{registrationId}";

	@Bean
	RelyingPartyKey relyingPartyKey(SigningKeys keys) {
		return new RelyingPartyKey(keys.active(SigningKeys.Purpose.CLIENT_ASSERTION));
	}

	@Bean
	UpstreamProviders upstreamProviders(FederationSettings settings, Clock clock) {
		List<Upstream> upstream = new ArrayList<>();
		settings.organisations()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey())
			.forEach((entry) -> upstream.add(Upstream.of(entry.getKey(), entry.getValue())));
		if (settings.broker() != null) {
			upstream.add(Upstream.of(settings.broker()));
		}
		String base = (settings.issuer() != null) ? trimmed(settings.issuer().toString()) : "{baseUrl}";
		RestClient rest = RestClient.builder().requestFactory(requestFactory(settings)).build();
		return new UpstreamProviders(upstream, new ProviderDiscovery(rest, base + REDIRECT_PATH), clock);
	}

	@Bean
	FederatedAccounts federatedAccounts(JdbcClient jdbc, People people) {
		return new FederatedAccounts(jdbc, people);
	}

	@Bean
	StaffLogins staffLogins(FederationSettings settings, FederatedAccounts accounts) {
		return new StaffLogins(settings.organisations(), accounts);
	}

	/** The broker's sign-ins, when a broker is configured. */
	@Bean
	@ConditionalOnProperty(prefix = "ketenpoort.identity.broker", name = "issuer-uri")
	BrokerLogins brokerLogins(FederationSettings settings, Subjects subjects, FederatedAccounts accounts,
			ObjectProvider<RepresentationCheck> representations) {
		FederationSettings.Broker broker = settings.broker();
		if (broker == null) {
			throw new FederationSettingsInvalid("ketenpoort.identity.broker is incomplete");
		}
		return new BrokerLogins(broker, subjects, accounts, representations.getIfAvailable());
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FederatedLogin federatedLogin(FederationSettings settings, UpstreamProviders providers, RelyingPartyKey key,
			StaffLogins staff, ObjectProvider<BrokerLogins> broker, People people, LocaleResolver locales,
			ProblemResponses problems, ObjectProvider<ActingForCheck> actingFor, ApplicationEventPublisher events) {
		@Nullable BrokerLogins brokerLogins = broker.getIfAvailable();
		AuthorizationRequests requests = new AuthorizationRequests(
				(brokerLogins != null) ? brokerLogins.acrValues() : List.of(), locales);
		return new FederatedLogin(providers, requests, tokens(settings, key), new FederatedUsers(staff, brokerLogins),
				new IdTokenDecoders(new RestTemplate(requestFactory(settings))),
				new FederatedLoginSuccess(people, actingFor.getIfAvailable(), events),
				new FederatedLoginFailures(providers, problems, events),
				new ProviderLogout(providers, settings.issuer()));
	}

	/**
	 * The token requests: Spring Security's, authenticated with a client assertion signed
	 * by Ketenpoort's key for {@code private_key_jwt} (iss and sub the client id, aud the
	 * token endpoint, a fresh jti, expiring after 60 s), within the provider's time
	 * limits.
	 */
	private static RestClientAuthorizationCodeTokenResponseClient tokens(FederationSettings settings,
			RelyingPartyKey key) {
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
			.requestFactory(requestFactory(settings))
			.configureMessageConverters((converters) -> {
				converters.addCustomConverter(new FormHttpMessageConverter());
				converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		tokens.addParametersConverter(
				new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
						(registration) -> key.signingKey()));
		return tokens;
	}

	private static SimpleClientHttpRequestFactory requestFactory(FederationSettings settings) {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(settings.providerTimeout());
		factory.setReadTimeout(settings.providerTimeout());
		return factory;
	}

	private static String trimmed(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
