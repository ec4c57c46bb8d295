package nl.ketenpoort.consent.statement;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's EC P-256 signing keys, kept in PostgreSQL with the private part
 * encrypted.
 * <p>
 * Exactly one key signs new statements (a partial unique index guarantees it). Creating
 * and rotating keys happens under a transaction-scoped PostgreSQL advisory lock, so
 * several nodes on one database never create two keys at once; each grant reads the
 * current key id from the database, so a rotation on one node is used by every node from
 * its next grant on. Retired keys stay in the key set while a statement they signed is
 * still valid.
 */
public class ConsentKeys {

	/**
	 * Arbitrary constant identifying the registry's key-management lock among advisory
	 * locks.
	 */
	private static final long KEY_LOCK = 0x4b50_434f_4e53_4b59L;

	private static final Logger logger = LoggerFactory.getLogger(ConsentKeys.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Duration rotationInterval;

	private final Map<String, ECKey> privateKeys = new ConcurrentHashMap<>();

	private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();

	public ConsentKeys(DataSource dataSource, PlatformTransactionManager transactionManager, byte[] keyEncryptionKey,
			Duration rotationInterval, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.encryption = new KeyEncryption(keyEncryptionKey);
		this.rotationInterval = rotationInterval;
		this.clock = clock;
	}

	/**
	 * Make sure a signing key exists, creating the first one on first start.
	 * @return the id of the key that signs new statements
	 */
	public String ensureSigningKey() {
		return signingKey().getKeyID();
	}

	/**
	 * Retire the current signing key and create a new one; statements signed with the old
	 * key keep verifying.
	 * @return the id of the new signing key
	 */
	public String rotate() {
		String kid = this.transactions.execute((status) -> {
			lock();
			return createKey();
		});
		logger.info("Rotated the consent signing key; new key id {}", kid);
		return kid;
	}

	/**
	 * The public keys that verify statements still in force: the signing key and every
	 * retired key with a statement that has not yet expired.
	 * @return the key set to publish
	 */
	public ConsentKeySet keySet() {
		ensureSigningKey();
		List<JWK> keys = this.jdbc.sql("""
				select k.public_jwk from consent_signing_key k
				where k.retired_at is null
				   or exists (select 1 from consent c where c.signing_kid = k.kid and c.valid_until > ?)
				order by k.retired_at desc nulls first, k.created_at desc, k.kid""")
			.param(Timestamp.from(this.clock.instant()))
			.query((rs, row) -> (JWK) parse(rs.getString(1)))
			.list();
		return new ConsentKeySet(keys);
	}

	/**
	 * The key that signs new statements, rotating first when it is older than the
	 * interval.
	 */
	ECKey signingKey() {
		Optional<ActiveKey> active = activeKey();
		if (active.isEmpty() || isDue(active.get())) {
			String kid = this.transactions.execute((status) -> {
				lock();
				Optional<ActiveKey> current = activeKey();
				return (current.isEmpty() || isDue(current.get())) ? createKey() : current.get().kid();
			});
			return privateKey(kid);
		}
		return privateKey(active.get().kid());
	}

	/** The public key with this id, whether or not it still signs. */
	Optional<ECKey> publicKey(String kid) {
		ECKey known = this.publicKeys.get(kid);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<ECKey> stored = this.jdbc.sql("select public_jwk from consent_signing_key where kid = ?")
			.param(kid)
			.query((rs, row) -> parse(rs.getString(1)))
			.optional();
		stored.ifPresent((key) -> this.publicKeys.put(kid, key));
		return stored;
	}

	private boolean isDue(ActiveKey key) {
		return !key.createdAt().plus(this.rotationInterval).isAfter(this.clock.instant());
	}

	private Optional<ActiveKey> activeKey() {
		return this.jdbc.sql("select kid, created_at from consent_signing_key where retired_at is null")
			.query((rs, row) -> new ActiveKey(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY_LOCK).query((rs, row) -> 1).list();
	}

	private String createKey() {
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
			throw new IllegalStateException("Cannot generate an EC P-256 key", ex);
		}
		String kid = key.getKeyID();
		this.jdbc.sql("update consent_signing_key set retired_at = ? where retired_at is null")
			.param(Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				insert into consent_signing_key (kid, created_at, public_jwk, private_jwk_encrypted)
				values (?, ?, ?, ?)""")
			.params(kid, Timestamp.from(now), key.toPublicJWK().toJSONString(),
					this.encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid))
			.update();
		this.privateKeys.put(kid, key);
		this.publicKeys.put(kid, key.toPublicJWK());
		logger.info("Created consent signing key {}", kid);
		return kid;
	}

	private ECKey privateKey(String kid) {
		return this.privateKeys.computeIfAbsent(kid, (id) -> {
			byte[] sealed = this.jdbc.sql("select private_jwk_encrypted from consent_signing_key where kid = ?")
				.param(id)
				.query(byte[].class)
				.single();
			return parse(new String(this.encryption.decrypt(sealed, id), StandardCharsets.UTF_8));
		});
	}

	private static ECKey parse(String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored consent signing key is not a valid EC JWK", ex);
		}
	}

	private record ActiveKey(String kid, Instant createdAt) {
	}

}
