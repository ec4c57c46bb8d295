package nl.ketenpoort.gateway.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.problem.ProblemResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.PartnerCertificates;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Role;

/**
 * The one place where access is decided, as three filter chains tried in order:
 * <ol>
 * <li>the authorization server's own endpoints ({@code /oauth2/**}, discovery, JWKS,
 * userinfo);</li>
 * <li>the API and the actuator: stateless, bearer tokens only, refusals as problem
 * documents;</li>
 * <li>everything else: pages with a login session, CSRF protection and security
 * headers.</li>
 * </ol>
 * Feature code checks object-level access (whose exchange, which organisation) against
 * {@link Actors#current()}; which people's data a person may see is decided by
 * {@link AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String[] STAFF = { Role.CASE_MANAGER.name(), Role.CLIENT_MANAGER.name(),
			Role.PRIVACY_OFFICER.name(), Role.OPERATOR.name(), Role.PROGRAMME_MANAGER.name() };

	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemResponses problemResponses) {
		return new FirewallRejections(problemResponses);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, ClientAssertionDecoders assertionDecoders,
			AuthorizationServerSettings settings, SessionLifetime sessionLifetime, MtlsSettings mtls,
			PartnerCertificates certificates) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.clientAuthentication((clients) -> clients.authenticationProviders((providers) -> {
				providers.forEach((provider) -> {
					if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
						assertions.setJwtDecoderFactory(assertionDecoders);
					}
				});
				// Mutual TLS: the certificates partners use, for the expiry warnings.
				providers.replaceAll(certificates::watch);
			}).errorResponseHandler(new ClientAuthenticationFailures()))
				.tokenIntrospectionEndpoint((introspection) -> introspection
					.authenticationProviders((providers) -> providers.replaceAll((provider) -> {
						if (provider instanceof OAuth2TokenIntrospectionAuthenticationProvider) {
							return new OwnTokensIntrospection(provider);
						}
						return provider;
					})))
				.authorizationEndpoint((authorization) -> authorization.authenticationProviders(
						(providers) -> providers.forEach(SecurityConfiguration::exactRedirectUris)))
				.pushedAuthorizationRequestEndpoint((pushed) -> pushed.authenticationProviders(
						(providers) -> providers.forEach(SecurityConfiguration::exactRedirectUris)))
				.authorizationServerMetadataEndpoint((metadata) -> metadata.authorizationServerMetadataCustomizer(
						(builder) -> builder.claims((claims) -> AdvertisedMetadata.restrict(claims, mtls))))
				.oidc((oidc) -> oidc
					.providerConfigurationEndpoint((metadata) -> metadata.providerConfigurationCustomizer((builder) -> {
						builder.claims((claims) -> AdvertisedMetadata.restrict(claims, mtls));
						builder.idTokenSigningAlgorithms((algorithms) -> {
							algorithms.clear();
							algorithms.add(SignatureAlgorithm.ES256.getName());
						});
					})));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// A person who is not logged in yet is sent to the login form and comes back to
		// the authorization request afterwards.
		http.exceptionHandling(
				(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(new LoginRedirect("/login"),
						PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint())));
		// An ended login session mints no authorization code either.
		http.addFilterBefore(sessionLifetime.filter(), AuthorizationFilter.class);
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
		}));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, AccessTokenDecoder decoder, ActorConverter actors,
			ProblemResponses problemResponses, Refusals refusals) {
		SecurityProblems problems = new SecurityProblems(problemResponses, refusals);
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers(HttpMethod.GET, "/api/v1/purposes", "/api/v1/purposes/**")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/api/v1/consents/*/status")
						.permitAll()
						// The API's own description is public (API Design Rules
						// /core/publish-openapi).
						.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.yaml")
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**")
						.permitAll()
						.requestMatchers("/actuator/**")
						.hasRole(Role.OPERATOR.name())
						.requestMatchers(HttpMethod.POST, "/api/v1/exchanges")
						.access(anyScopeStartingWith(Partner.SEND_SCOPE_PREFIX))
						.requestMatchers("/api/v1/exchanges/**")
						.access(anyScopeStartingWith(Partner.SEND_SCOPE_PREFIX))
						.requestMatchers("/api/v1/inbox", "/api/v1/inbox/**")
						.access(anyScopeStartingWith(Partner.RECEIVE_SCOPE_PREFIX))
						.requestMatchers("/api/v1/audit/**")
						.hasAnyRole(Role.PRIVACY_OFFICER.name(), Role.STATUS_HOLDER.name())
						.requestMatchers("/api/v1/consents/**")
						.hasAnyRole(Role.STATUS_HOLDER.name(), Role.CASE_MANAGER.name(), Role.CLIENT_MANAGER.name(),
								Role.PRIVACY_OFFICER.name())
						.anyRequest()
						.authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent by browsers on their own, so there is no CSRF to
			// defend against here.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(actors))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, People people, LoginGuard logins,
			ProblemResponses problemResponses, Environment environment, Refusals refusals,
			SessionLifetime sessionLifetime, ObjectProvider<ActingForCheck> actingFor,
			ObjectProvider<PageLogin> otherLogins) {
		SecurityProblems problems = new SecurityProblems(problemResponses, refusals);
		boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		List<PageLogin> upstream = otherLogins.orderedStream().toList();
		List<AuthenticationProvider> checks = new ArrayList<>();
		checks.add(logins);
		upstream.forEach((login) -> checks.addAll(login.authenticationProviders()));
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/portal", "/portal/**")
			.hasRole(Role.STATUS_HOLDER.name())
			.requestMatchers("/console", "/console/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/sandbox/**")
			.access((authentication, context) -> new AuthorizationDecision(demo))
			// What is left is public by nature: login, documentation, discovery, and
			// paths nothing serves (answered 404).
			.anyRequest()
			.permitAll())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::csrfApplies))
			// The form login checks passwords only through the throttle, and no other
			// provider may check them after it refused: the others check only logins
			// at upstream providers.
			.authenticationManager(new ProviderManager(checks))
			.formLogin(
					(form) -> form.loginPage("/login").failureHandler(new LoginFailures(problemResponses)).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			// Sessions: a new id at every login (against session fixation), stamped with
			// its idle timeout and login time, and ended on time before anything reads
			// it; for form logins and sign-ins at upstream providers alike.
			.sessionManagement(
					(sessions) -> sessions.sessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
							List.of(new ChangeSessionIdAuthenticationStrategy(), sessionLifetime))));
		// Signing in at upstream OpenID providers, when some are configured; it also
		// ends the provider's session at logout.
		upstream.forEach((login) -> login.configure(http));
		http.addFilterBefore(new SessionActorFilter(people, actingFor.getIfAvailable()), AuthorizationFilter.class)
			.addFilterBefore(sessionLifetime.filter(), SessionActorFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(new LoginRedirect("/login"), browsers)
						.defaultAuthenticationEntryPointFor(problems, (request) -> true)
						.accessDeniedHandler(problems))
			// No form-action directive: browsers apply it to the redirects after the
			// login
			// form, and those end at the web client's redirect URI on another origin.
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static void exactRedirectUris(AuthenticationProvider provider) {
		if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorization) {
			authorization.setAuthenticationValidator(new ExactRedirectUris());
		}
		else if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider pushed) {
			pushed.setAuthenticationValidator(new ExactRedirectUris());
		}
	}

	/**
	 * CSRF protection where a forged request could ride on a browser's ambient
	 * credentials: every state-changing request that brings a session cookie, and always
	 * the login and logout forms (against login CSRF). A request without a session is
	 * anonymous here and reaches only public endpoints, which a forged request gains
	 * nothing from.
	 */
	private static boolean csrfApplies(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		return request.getRequestedSessionId() != null || "/login".equals(request.getServletPath())
				|| "/logout".equals(request.getServletPath());
	}

	private static AuthorizationManager<RequestAuthorizationContext> anyScopeStartingWith(String prefix) {
		return (authentication, context) -> {
			Authentication current = authentication.get();
			boolean allowed = current != null && current.isAuthenticated()
					&& current.getAuthorities()
						.stream()
						.anyMatch((authority) -> authority.getAuthority() != null
								&& authority.getAuthority().startsWith("SCOPE_" + prefix));
			return new AuthorizationDecision(allowed);
		};
	}

}
