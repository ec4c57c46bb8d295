package nl.ketenpoort.consent.statement;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies consent statements: compact JWS, ES256 only, signed with the
 * registry's current key and verified against every key it ever issued.
 * <p>
 * Verified signatures are kept in a bounded Caffeine cache keyed by the exact compact
 * string, so a changed statement is always verified afresh. Only the signature check is
 * cached: expiry is evaluated on every call, and revocation is the caller's business (it
 * lives in the database).
 */
public class ConsentStatements {

	/** The media type of a consent statement ({@code typ} header). */
	public static final JOSEObjectType TYPE = new JOSEObjectType("consent+jwt");

	private static final Logger logger = LoggerFactory.getLogger(ConsentStatements.class);

	private final ConsentKeys keys;

	private final Clock clock;

	private final @Nullable Cache<String, StatementClaims> verified;

	private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();

	public ConsentStatements(ConsentKeys keys, int cacheSize, Clock clock) {
		this.keys = keys;
		this.clock = clock;
		// Evicts on the calling thread: the bound holds as soon as a statement is kept.
		this.verified = (cacheSize > 0)
				? Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).<String, StatementClaims>build()
				: null;
	}

	/**
	 * Sign a statement with the current signing key.
	 * @param claims what the statement asserts
	 * @return the compact JWS and the id of the key that signed it
	 */
	public IssuedStatement issue(StatementClaims claims) {
		ECKey key = this.keys.signingKey();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build();
		SignedJWT jwt = new SignedJWT(header, toJwt(claims));
		try {
			ECDSASigner signer = new ECDSASigner(key);
			signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a consent statement", ex);
		}
		return new IssuedStatement(jwt.serialize(), key.getKeyID());
	}

	/**
	 * Verify a statement's signature and validity window and return what it asserts.
	 * @param compact the compact JWS
	 * @return the verified claims
	 * @throws StatementRejected when the statement does not verify or is not valid now
	 */
	public StatementClaims verify(String compact) throws StatementRejected {
		StatementClaims claims = (this.verified != null) ? this.verified.getIfPresent(compact) : null;
		if (claims == null) {
			claims = verifySignature(compact);
			if (this.verified != null) {
				this.verified.put(compact, claims);
			}
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(claims.expiresAt()) || now.isBefore(claims.notBefore())) {
			throw rejected(StatementRejected.Problem.EXPIRED, "outside its validity window");
		}
		return claims;
	}

	private StatementClaims verifySignature(String compact) throws StatementRejected {
		SignedJWT jwt;
		try {
			// Refuses unsecured JWTs (alg none) as not being a JWS.
			jwt = SignedJWT.parse(compact);
		}
		catch (ParseException ex) {
			throw rejected(StatementRejected.Problem.SIGNATURE_INVALID, "not a compact JWS");
		}
		JWSHeader header = jwt.getHeader();
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
			throw rejected(StatementRejected.Problem.SIGNATURE_INVALID,
					"algorithm " + header.getAlgorithm() + " instead of ES256");
		}
		String kid = header.getKeyID();
		Optional<ECKey> key = (kid != null) ? this.keys.publicKey(kid) : Optional.empty();
		if (key.isEmpty()) {
			throw rejected(StatementRejected.Problem.KEY_UNKNOWN, "signed by a key the registry did not issue");
		}
		try {
			if (!jwt.verify(verifier(kid, key.get()))) {
				throw rejected(StatementRejected.Problem.SIGNATURE_INVALID, "the signature does not verify");
			}
			return fromJwt(jwt.getJWTClaimsSet());
		}
		catch (JOSEException | ParseException | IllegalArgumentException ex) {
			throw rejected(StatementRejected.Problem.SIGNATURE_INVALID, "malformed statement or claims");
		}
	}

	private JWSVerifier verifier(String kid, ECKey key) throws JOSEException {
		JWSVerifier verifier = this.verifiers.get(kid);
		if (verifier == null) {
			ECDSAVerifier created = new ECDSAVerifier(key);
			// Bouncy Castle verifies P-256 several times faster than the JDK 17 provider,
			// which
			// decides the latency of a check on a cache miss.
			created.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
			this.verifiers.put(kid, created);
			verifier = created;
		}
		return verifier;
	}

	private static StatementRejected rejected(StatementRejected.Problem problem, String detail) {
		logger.debug("Rejected a consent statement ({}): {}", problem, detail);
		return new StatementRejected(problem, detail);
	}

	private static JWTClaimsSet toJwt(StatementClaims claims) {
		return new JWTClaimsSet.Builder().issuer(claims.issuer())
			.subject(claims.subject().pseudonym())
			.jwtID(claims.consentId().toString())
			.issueTime(Date.from(claims.issuedAt()))
			.notBeforeTime(Date.from(claims.notBefore()))
			.expirationTime(Date.from(claims.expiresAt()))
			.claim("purpose", claims.purpose())
			.claim("purpose_version", claims.purposeVersion())
			.claim("from", claims.from())
			.claim("to", claims.to())
			.claim("documents", claims.documents().stream().map(DocumentType::code).toList())
			.claim("basis", claims.basis().code())
			.claim("text_sha256", claims.textSha256())
			.claim("lang", claims.language())
			.claim("method", claims.method())
			.build();
	}

	private static StatementClaims fromJwt(JWTClaimsSet jwt) throws ParseException {
		// A statement comes from outside: what it names that Ketenpoort does not know
		// makes it malformed, which verifySignature turns into a rejection.
		List<DocumentType> documents = new ArrayList<>();
		for (String code : required(jwt.getStringListClaim("documents"), "documents")) {
			documents.add(DocumentType.fromCode(code)
				.orElseThrow(() -> new ParseException("Unknown document type in statement", 0)));
		}
		LegalBasis basis = LegalBasis.fromCode(required(jwt.getStringClaim("basis"), "basis"))
			.orElseThrow(() -> new ParseException("Unknown legal basis in statement", 0));
		return new StatementClaims(required(jwt.getIssuer(), "iss"), new SubjectRef(required(jwt.getSubject(), "sub")),
				UUID.fromString(required(jwt.getJWTID(), "jti")), required(jwt.getIssueTime(), "iat").toInstant(),
				required(jwt.getNotBeforeTime(), "nbf").toInstant(),
				required(jwt.getExpirationTime(), "exp").toInstant(),
				required(jwt.getStringClaim("purpose"), "purpose"),
				required(jwt.getIntegerClaim("purpose_version"), "purpose_version"),
				required(jwt.getStringClaim("from"), "from"), required(jwt.getStringListClaim("to"), "to"),
				List.copyOf(documents), basis, required(jwt.getStringClaim("text_sha256"), "text_sha256"),
				required(jwt.getStringClaim("lang"), "lang"), required(jwt.getStringClaim("method"), "method"));
	}

	private static <T> T required(@Nullable T value, String claim) throws ParseException {
		if (value == null) {
			throw new ParseException("Missing claim " + claim, 0);
		}
		return value;
	}

	/** A freshly signed statement. */
	public record IssuedStatement(String compact, String kid) {
	}

}
