package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Verifies a provider's ID tokens as Spring Security's own factory does (OpenID Connect
 * Core section 3.1.3.7: issuer, audience, {@code azp}, time; the nonce is checked by the
 * login itself), but with the provider's time limits for fetching its keys, and with the
 * asymmetric signature algorithms its discovery document lists instead of RS256 alone.
 * {@code none} and MACs are never accepted.
 */
class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

	private final RestOperations rest;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	IdTokenDecoders(RestOperations rest) {
		this.rest = rest;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return this.decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> decoder(registration));
	}

	private JwtDecoder decoder(ClientRegistration registration) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSetUri(Objects.requireNonNull(registration.getProviderDetails().getJwkSetUri()))
			.jwsAlgorithms((algorithms) -> {
				algorithms.clear();
				algorithms.addAll(algorithms(registration));
			})
			.restOperations(this.rest)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new OidcIdTokenValidator(registration)));
		decoder
			.setClaimSetConverter(new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
		return decoder;
	}

	static Set<SignatureAlgorithm> algorithms(ClientRegistration registration) {
		Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
		if (registration.getProviderDetails()
			.getConfigurationMetadata()
			.get("id_token_signing_alg_values_supported") instanceof List<?> listed) {
			listed.stream()
				.filter(String.class::isInstance)
				.map((name) -> SignatureAlgorithm.from((String) name))
				.filter(Objects::nonNull)
				.forEach(algorithms::add);
		}
		if (algorithms.isEmpty()) {
			// OpenID Connect Discovery requires the list; RS256 is the one every
			// provider must support.
			algorithms.add(SignatureAlgorithm.RS256);
		}
		return algorithms;
	}

}
