package nl.ketenpoort.consent.statement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.ECKey;
import nl.ketenpoort.keys.KeyPurpose;
import nl.ketenpoort.keys.KeyRing;
import nl.ketenpoort.keys.KeyRings;
import nl.ketenpoort.keys.KeyUnavailable;
import nl.ketenpoort.keys.StoredKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The registry's signing keys: the {@link KeyPurpose#CONSENT_STATEMENT} keys of the key
 * store, with the registry's two rules on top: a key signs for at most the rotation
 * interval, and a retired key stays in the published key set while a statement it signed
 * is still valid.
 */
public class ConsentKeys {

	private final KeyRing ring;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration rotationInterval;

	public ConsentKeys(DataSource dataSource, PlatformTransactionManager transactionManager, byte[] keyEncryptionKey,
			Duration rotationInterval, Clock clock) {
		this.ring = new KeyRings(dataSource, transactionManager, clock).ring(KeyPurpose.CONSENT_STATEMENT,
				keyEncryptionKey);
		this.jdbc = JdbcClient.create(dataSource);
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
		return this.ring.rotate().kid();
	}

	/**
	 * The public keys that verify statements still in force: the signing key and every
	 * retired key with a statement that has not yet expired.
	 * @return the key set to publish
	 */
	public ConsentKeySet keySet() {
		ensureSigningKey();
		return new ConsentKeySet(this.ring.published(this::signedAStatementInForce).getKeys());
	}

	/**
	 * The key that signs new statements, rotating first when it is older than the
	 * interval.
	 */
	ECKey signingKey() {
		try {
			return this.ring.signingKey(this.rotationInterval);
		}
		catch (KeyUnavailable ex) {
			throw new SigningKeyUnavailable(ex.kid(), "it cannot be used with the configured key-encryption key", ex);
		}
	}

	/** The public key with this id, whether or not it still signs. */
	Optional<ECKey> publicKey(String kid) {
		return this.ring.publicKey(kid);
	}

	private boolean signedAStatementInForce(StoredKey key) {
		return this.jdbc.sql("select exists (select 1 from consent where signing_kid = ? and valid_until > ?)")
			.params(key.kid(), Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.single();
	}

}
