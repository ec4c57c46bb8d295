package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import nl.ketenpoort.consent.ConsentSettings;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.keys.KeyRings;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.transaction.support.TransactionOperations;
import nl.ketenpoort.gateway.identity.People;

/**
 * The parts of identity and access that are not web filters: signing key, clients,
 * people, token shape and token checks.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, and the {id} prefix lets hashes move to a stronger scheme later.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@DependsOnDatabaseInitialization
	People people(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		return new People(jdbc, passwordEncoder);
	}

	@Bean
	LoginKeys loginKeys(ConsentSettings consent) {
		return new LoginKeys(consent.pseudonymKeyBytes());
	}

	@Bean
	@DependsOnDatabaseInitialization
	LoginAttempts loginAttempts(JdbcClient jdbc, TransactionOperations transactions, IdentitySettings settings,
			Clock clock) {
		return new LoginAttempts(jdbc, transactions, settings.login(), clock);
	}

	/**
	 * The password check of the login form: Spring Security's own, behind the throttle.
	 */
	@Bean
	LoginGuard loginGuard(People people, PasswordEncoder passwordEncoder, LoginKeys keys, LoginAttempts attempts,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(people);
		passwords.setPasswordEncoder(passwordEncoder);
		return new LoginGuard(passwords, people, keys, attempts, events);
	}

	@Bean
	UnlockPersonCommand unlockPersonCommand(People people, LoginKeys keys, LoginAttempts attempts,
			ApplicationEventPublisher events) {
		return new UnlockPersonCommand(people, keys, attempts, events);
	}

	@Bean
	@DependsOnDatabaseInitialization
	SigningKeys signingKeys(KeyRings keyRings, IdentitySettings settings) {
		return new SigningKeys(keyRings, settings.keyEncryptionKey());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		JWKSet keys = signingKeys.active();
		return new ImmutableJWKSet<>(keys);
	}

	/**
	 * Without a configured issuer Spring Authorization Server takes it from each
	 * request's {@code Host} header, so tokens and discovery would name whatever host a
	 * caller sends. That is convenient on one machine and in the demo; in production
	 * ({@code prod}) the gateway does not start without one.
	 */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings, Environment environment) {
		if (settings.issuer() == null && environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.issuer (KETENPOORT_IDENTITY_ISSUER) must be set "
					+ "under the prod profile, e.g. https://ketenpoort.example.nl: without it the issuer follows "
					+ "each request's Host header");
		}
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		if (settings.issuer() != null) {
			builder.issuer(settings.issuer().toString());
		}
		return builder.build();
	}

	@Bean
	RegisteredClients registeredClients(Partners partners, IdentitySettings settings, MtlsSettings mtls) {
		return new RegisteredClients(partners, settings, mtls.enabled());
	}

	@Bean
	@DependsOnDatabaseInitialization
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClients clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	TokenClaims tokenClaims(IdentitySettings settings) {
		return new TokenClaims(settings.audience());
	}

	@Bean
	ClientAssertionDecoders clientAssertionDecoders(PartnerKeys keys, JdbcClient jdbc, IdentitySettings settings,
			Clock clock) {
		return new ClientAssertionDecoders(keys, new SeenAssertions(jdbc), settings.maxAssertionLifetime(), clock);
	}

	/**
	 * How far a token's {@code exp} and {@code nbf} may be off the gateway's clock; the
	 * same for verified and for remembered tokens.
	 */
	static final Duration ACCESS_TOKEN_CLOCK_SKEW = Duration.ofSeconds(60);

	/**
	 * The decoder for access tokens presented to the API (and the userinfo endpoint):
	 * ES256 by this gateway's key, typed {@code at+jwt}, for the API audience, current,
	 * from the configured issuer (when one is configured), and not revoked. Verified
	 * tokens are remembered until they expire; time and revocation are checked on every
	 * request.
	 */
	@Bean
	AccessTokenDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentitySettings settings,
			OAuth2AuthorizationService authorizations, Clock clock) {
		NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(ACCESS_TOKEN_CLOCK_SKEW);
		timestamps.setClock(clock);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTypeValidator(TokenClaims.ACCESS_TOKEN_TYPE));
		validators.add(timestamps);
		validators.add(new JwtAudienceValidator(settings.audience()));
		if (settings.issuer() != null) {
			validators.add(new JwtIssuerValidator(settings.issuer().toString()));
		}
		verifier.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return new AccessTokenDecoder(verifier, timestamps, authorizations, clock,
				AccessTokenDecoder.DEFAULT_MAX_VERIFIED);
	}

	@Bean
	ActorConverter actorConverter(Partners partners, People people) {
		return new ActorConverter(partners, people);
	}

}
