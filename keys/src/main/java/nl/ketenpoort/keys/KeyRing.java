package nl.ketenpoort.keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The ES256 signing keys of one {@link KeyPurpose}, kept in {@code signing_key} with the
 * private part sealed (AES-256-GCM) under the purpose's key-encryption key.
 * <p>
 * One key is active: made on first use, and replaced by {@link #rotate()}. Making and
 * rotating happen under a transaction-scoped PostgreSQL advisory lock per purpose (and a
 * partial unique index allows one active key per purpose), so nodes starting or rotating
 * together agree on one key; every call reads the active key id from the database, so a
 * rotation on one node is used by all from their next signature on. A retired key is
 * never deleted: it stays to verify what it signed, and the purpose decides how long it
 * is published ({@link #published(Predicate)}).
 */
public final class KeyRing {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	private final KeyPurpose purpose;

	private final KeyRows rows;

	private final Clock clock;

	private final Map<String, ECKey> privateKeys = new ConcurrentHashMap<>();

	private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();

	KeyRing(KeyPurpose purpose, KeySealing sealing, JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.purpose = purpose;
		this.rows = new KeyRows(purpose, sealing, jdbc, transactions);
		this.clock = clock;
	}

	/** What these keys sign. */
	public KeyPurpose purpose() {
		return this.purpose;
	}

	/**
	 * The active key, made now if the purpose has none yet.
	 * @return the active key's entry
	 */
	public StoredKey active() {
		return findActive().orElseGet(() -> this.rows.locked(() -> findActive().orElseGet(this::create)));
	}

	/**
	 * The active key, replaced first when it is as old as {@code rotateAfter} or older:
	 * for purposes that rotate on a schedule.
	 * @param rotateAfter the age at which a key stops signing
	 * @return the active key's entry
	 */
	public StoredKey active(Duration rotateAfter) {
		Optional<StoredKey> active = findActive();
		if (active.isPresent() && !due(active.get(), rotateAfter)) {
			return active.get();
		}
		return this.rows.locked(() -> {
			Optional<StoredKey> current = findActive();
			return (current.isPresent() && !due(current.get(), rotateAfter)) ? current.get() : replaceActive();
		});
	}

	/**
	 * The active key with its private part, made now if there is none yet.
	 * @return the key that signs
	 */
	public ECKey signingKey() {
		return privateKey(active().kid());
	}

	/**
	 * The active key with its private part, replaced first when it is as old as
	 * {@code rotateAfter} or older.
	 * @param rotateAfter the age at which a key stops signing
	 * @return the key that signs
	 */
	public ECKey signingKey(Duration rotateAfter) {
		return privateKey(active(rotateAfter).kid());
	}

	/**
	 * Retires the active key and makes a new one; what the old key signed keeps
	 * verifying.
	 * @return the new active key
	 */
	public StoredKey rotate() {
		StoredKey key = this.rows.locked(this::replaceActive);
		log.info("Rotated the {} key; new key id {}", this.purpose.code(), key.kid());
		return key;
	}

	/**
	 * Every key of the purpose, public parts only: the active one first, then the retired
	 * ones, most recently retired first.
	 * @return the keys
	 */
	public List<StoredKey> keys() {
		return this.rows.all().stream().map(this::stored).toList();
	}

	/**
	 * The key set to publish (RFC 7517, public parts only): the active key and the
	 * retired keys that still verify something.
	 * @param stillVerifies whether a retired key is published
	 * @return the key set, in the order of {@link #keys()}
	 */
	public JWKSet published(Predicate<StoredKey> stillVerifies) {
		active();
		List<JWK> keys = keys().stream()
			.filter((key) -> key.active() || stillVerifies.test(key))
			.map((key) -> (JWK) key.publicKey())
			.toList();
		return new JWKSet(keys);
	}

	/**
	 * The public part of this purpose's key with this id, active or retired.
	 * @param kid the key id
	 * @return the key, empty when the purpose has no key with this id
	 */
	public Optional<ECKey> publicKey(String kid) {
		ECKey known = this.publicKeys.get(kid);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<StoredKey> stored = this.rows.find(kid).map(this::stored);
		stored.ifPresent((key) -> this.publicKeys.put(kid, key.publicKey()));
		return stored.map(StoredKey::publicKey);
	}

	/**
	 * Signs these claims with the active key (ES256, its id in the header).
	 * @param claims what to sign
	 * @return the compact JWS and the key id
	 */
	public SignedStatement sign(JWTClaimsSet claims) {
		ECKey key = signingKey();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return new SignedStatement(key.getKeyID(), jwt.serialize());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(
					"An ES256 signature could not be made with the " + this.purpose.code() + " key", ex);
		}
	}

	/**
	 * The claims of a compact JWS that this purpose's key with this id signed with ES256.
	 * @param jws the compact JWS
	 * @param kid the id of the key that should have signed it
	 * @return the claims; empty when the key is unknown, the algorithm another, the
	 * header names another key or the signature is wrong
	 */
	public Optional<JWTClaimsSet> verify(String jws, String kid) {
		try {
			SignedJWT jwt = SignedJWT.parse(jws);
			String named = jwt.getHeader().getKeyID();
			Optional<ECKey> key = publicKey(kid);
			if (key.isEmpty() || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
					|| (named != null && !named.equals(kid)) || !jwt.verify(new ECDSAVerifier(key.get()))) {
				return Optional.empty();
			}
			return Optional.of(jwt.getJWTClaimsSet());
		}
		catch (ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	private boolean due(StoredKey key, Duration rotateAfter) {
		return !key.createdAt().plus(rotateAfter).isAfter(this.clock.instant());
	}

	private Optional<StoredKey> findActive() {
		return this.rows.active().map(this::stored);
	}

	private StoredKey replaceActive() {
		this.rows.retireActive(this.clock.instant());
		return create();
	}

	private StoredKey create() {
		Instant now = this.clock.instant();
		ECKey key;
		try {
			key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.issueTime(Date.from(now))
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("An EC P-256 key could not be generated", ex);
		}
		this.rows.insert(key.getKeyID(), now, key.toPublicJWK().toJSONString(), key.toJSONString());
		this.privateKeys.put(key.getKeyID(), key);
		this.publicKeys.put(key.getKeyID(), key.toPublicJWK());
		log.info("Generated a {} key, key id {}", this.purpose.code(), key.getKeyID());
		return new StoredKey(key.getKeyID(), now, null, key.toPublicJWK());
	}

	private ECKey privateKey(String kid) {
		ECKey known = this.privateKeys.get(kid);
		if (known != null) {
			return known;
		}
		ECKey key = open(kid, this.rows.privateJwk(kid));
		this.privateKeys.put(kid, key);
		return key;
	}

	/** Parses an opened private key, which must be the P-256 key of its row. */
	private ECKey open(String kid, String json) {
		try {
			ECKey key = ECKey.parse(json);
			if (!key.isPrivate() || !kid.equals(key.getKeyID()) || !Curve.P_256.equals(key.getCurve())) {
				throw new KeyUnavailable(this.purpose, kid, "the decrypted key is not the P-256 key of its row");
			}
			return key;
		}
		catch (ParseException ex) {
			throw new KeyUnavailable(this.purpose, kid, "the decrypted key is not an EC JWK", ex);
		}
	}

	private StoredKey stored(KeyRows.Row row) {
		// Keys copied from identity_signing_key kept no public part of their own.
		ECKey publicKey = (row.publicJwk() != null) ? parsePublic(row.kid(), row.publicJwk())
				: privateKey(row.kid()).toPublicJWK();
		return new StoredKey(row.kid(), row.createdAt(), row.retiredAt(), publicKey);
	}

	private ECKey parsePublic(String kid, String json) {
		try {
			return ECKey.parse(json).toPublicJWK();
		}
		catch (ParseException ex) {
			throw new KeyUnavailable(this.purpose, kid, "its public part is not an EC JWK", ex);
		}
	}

}
