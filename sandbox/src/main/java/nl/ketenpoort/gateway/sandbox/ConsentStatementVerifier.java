package nl.ketenpoort.gateway.sandbox;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a {@code Ketenpoort-Consent} header the way a real recipient proves lawful
 * receipt: the statement is an ES256 JWS of type {@code consent+jwt}, signed by a key of
 * the published key set ({@code /.well-known/consent-jwks.json}, fetched over HTTP and
 * cached), in its period of validity, and names this partner among its recipients.
 */
class ConsentStatementVerifier {

	private static final Logger log = LoggerFactory.getLogger(ConsentStatementVerifier.class);

	private static final JOSEObjectType CONSENT_TYPE = new JOSEObjectType("consent+jwt");

	private final Supplier<URI> keySetLocation;

	private volatile @Nullable DefaultJWTProcessor<SecurityContext> processor;

	/**
	 * @param keySetLocation where the key set is published; asked on first use, because
	 * the port is known only once the server runs
	 */
	ConsentStatementVerifier(Supplier<URI> keySetLocation) {
		this.keySetLocation = keySetLocation;
	}

	/**
	 * What the recipient learns from a valid statement.
	 *
	 * @param consentId the consent ({@code jti})
	 * @param purpose the purpose code
	 * @param from the sending partner
	 * @param to the receiving partners
	 * @param documents the document type codes covered
	 */
	record VerifiedStatement(UUID consentId, String purpose, String from, List<String> to, List<String> documents) {

		/** The document type, when the statement covers exactly one. */
		Optional<String> onlyDocumentType() {
			return (this.documents.size() == 1) ? Optional.of(this.documents.get(0)) : Optional.empty();
		}

	}

	/**
	 * Verifies the statement for this recipient.
	 * @param statement the compact JWS from the header
	 * @param recipient the partner that received it
	 * @return what it states
	 * @throws ConsentStatementInvalid when it does not prove consent for this recipient
	 */
	VerifiedStatement verify(@Nullable String statement, String recipient) {
		if (statement == null || statement.isBlank()) {
			throw rejected("the Ketenpoort-Consent header is missing");
		}
		JWTClaimsSet claims;
		try {
			claims = processor().process(statement.trim(), null);
		}
		catch (ParseException ex) {
			throw rejected("the statement is not a compact JWS");
		}
		catch (BadJOSEException ex) {
			throw rejected("the signature, type or period of validity is not right");
		}
		catch (JOSEException ex) {
			throw rejected("the statement could not be checked against the published key set");
		}
		try {
			List<String> to = listOrEmpty(claims.getStringListClaim("to"));
			if (!to.contains(recipient)) {
				throw rejected("the statement does not name this partner as a recipient");
			}
			String purpose = claims.getStringClaim("purpose");
			String from = claims.getStringClaim("from");
			if (purpose == null || from == null || claims.getJWTID() == null) {
				throw rejected("the statement lacks its purpose, sender or id");
			}
			return new VerifiedStatement(UUID.fromString(claims.getJWTID()), purpose, from, to,
					listOrEmpty(claims.getStringListClaim("documents")));
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw rejected("the statement's claims do not have their expected types");
		}
	}

	private static List<String> listOrEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

	private static ConsentStatementInvalid rejected(String reason) {
		log.debug("A sandbox partner rejected a consent statement: {}", reason);
		return new ConsentStatementInvalid(reason);
	}

	private DefaultJWTProcessor<SecurityContext> processor() {
		DefaultJWTProcessor<SecurityContext> current = this.processor;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.processor == null) {
				this.processor = newProcessor(keySetUrl());
			}
			return this.processor;
		}
	}

	private URL keySetUrl() {
		try {
			return this.keySetLocation.get().toURL();
		}
		catch (MalformedURLException ex) {
			throw new ConsentStatementInvalid("the consent key set location is not a URL");
		}
	}

	private static DefaultJWTProcessor<SecurityContext> newProcessor(URL keySet) {
		// The key set is cached and fetched again when a statement names an unknown kid,
		// so a rotated key is picked up without a restart.
		JWKSource<SecurityContext> keys = JWKSourceBuilder
			.create(keySet, new DefaultResourceRetriever(2_000, 2_000, 64 * 1024))
			.build();
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(CONSENT_TYPE));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
		// exp and nbf are checked (with the default clock skew); iss is the gateway's
		// issuer, which a recipient takes from the key set's origin rather than a claim.
		processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(null, null, java.util.Set.of("jti", "exp", "purpose", "from", "to")));
		return processor;
	}

}
