package nl.ketenpoort.gateway.audit;

import java.text.ParseException;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EC P-256 key that signs audit checkpoints: created once per database (so every
 * gateway node signs with it), its private part kept encrypted at rest (JWE, A256GCM, key
 * from settings).
 */
@Component
class AuditSigningKeys {

	private static final long CREATE_LOCK = 0x4b4554454e4b4559L;

	private final JdbcClient jdbc;

	private final byte[] keyEncryptionKey;

	private final Clock clock;

	private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();

	private volatile @Nullable ECKey current;

	AuditSigningKeys(JdbcClient jdbc, AuditSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.keyEncryptionKey = Base64.getDecoder().decode(settings.keyEncryptionKey());
		if (this.keyEncryptionKey.length != 32) {
			throw new IllegalStateException("ketenpoort.audit.key-encryption-key must be 32 bytes, base64");
		}
		this.clock = clock;
	}

	/** The signing key, created on first use. */
	@Transactional
	ECKey signingKey() {
		ECKey key = this.current;
		if (key != null) {
			return key;
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CREATE_LOCK).query().singleRow();
		List<String> stored = this.jdbc
			.sql("SELECT private_jwk_jwe FROM audit_signing_key ORDER BY created_at DESC LIMIT 1")
			.query(String.class)
			.list();
		key = stored.isEmpty() ? create() : decrypt(stored.get(0));
		this.current = key;
		return key;
	}

	/** A signed statement: the compact JWS and the id of the key that signed it. */
	record Statement(String keyId, String jws) {
	}

	/** Signs checkpoint and pruning statements with the audit key (ES256). */
	@Transactional
	Statement sign(JWTClaimsSet claims) {
		ECKey key = signingKey();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return new Statement(key.getKeyID(), jwt.serialize());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an audit statement", ex);
		}
	}

	/**
	 * The claims of a statement that the audit key with this id signed with ES256; empty
	 * when the key is unknown, the algorithm another or the signature wrong.
	 */
	Optional<JWTClaimsSet> verifiedClaims(String jws, String keyId) {
		try {
			SignedJWT jwt = SignedJWT.parse(jws);
			ECKey key = publicKey(keyId);
			if (key == null || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new ECDSAVerifier(key))) {
				return Optional.empty();
			}
			return Optional.of(jwt.getJWTClaimsSet());
		}
		catch (ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	/** The public key with this id, to verify a checkpoint. */
	@Nullable ECKey publicKey(String keyId) {
		return this.publicKeys.computeIfAbsent(keyId,
				(id) -> this.jdbc.sql("SELECT public_jwk FROM audit_signing_key WHERE key_id = ?")
					.param(id)
					.query(String.class)
					.optional()
					.map(AuditSigningKeys::parse)
					.orElse(null));
	}

	/** All public keys, for outside parties that keep checkpoints. */
	JWKSet publicKeys() {
		return new JWKSet(this.jdbc.sql("SELECT public_jwk FROM audit_signing_key ORDER BY created_at")
			.query(String.class)
			.list()
			.stream()
			.map(AuditSigningKeys::parse)
			.map((key) -> (com.nimbusds.jose.jwk.JWK) key)
			.toList());
	}

	private ECKey create() {
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true)
				.keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
				.generate();
			JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
					new Payload(key.toJSONString()));
			jwe.encrypt(new DirectEncrypter(this.keyEncryptionKey));
			this.jdbc
				.sql("INSERT INTO audit_signing_key (key_id, public_jwk, private_jwk_jwe, created_at)"
						+ " VALUES (?, ?, ?, ?)")
				.params(key.getKeyID(), key.toPublicJWK().toJSONString(), jwe.serialize(),
						Timestamp.from(this.clock.instant()))
				.update();
			return key;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not create the audit signing key", ex);
		}
	}

	private ECKey decrypt(String jwe) {
		try {
			JWEObject object = JWEObject.parse(jwe);
			object.decrypt(new DirectDecrypter(this.keyEncryptionKey));
			return ECKey.parse(object.getPayload().toString());
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(
					"The audit signing key cannot be decrypted: is ketenpoort.audit.key-encryption-key the one it was made with?",
					ex);
		}
	}

	private static ECKey parse(String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			throw new AuditLogCorrupted("A stored audit signing key is not a valid JWK");
		}
	}

}
