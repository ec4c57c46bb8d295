package nl.ketenpoort.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The Ed25519 keys of one {@link KeyPurpose}, for signatures that are not JWS: C2SP
 * signed notes, such as the audit log's checkpoints. Same store and lifecycle as
 * {@link KeyRing} ({@code signing_key}, one active key made on first use,
 * {@link #rotate()}, retired keys kept to verify what they signed), the key an
 * {@code OKP} JWK (RFC 8037) whose private part is sealed under the purpose's
 * key-encryption key. The JDK signs; Nimbus only reads and writes the JWK.
 */
public final class NoteKeyRing {

	private static final Logger log = LoggerFactory.getLogger(NoteKeyRing.class);

	private final KeyRows rows;

	private final Clock clock;

	private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

	NoteKeyRing(KeyPurpose purpose, KeySealing sealing, JdbcClient jdbc, TransactionOperations transactions,
			Clock clock) {
		this.rows = new KeyRows(purpose, sealing, jdbc, transactions);
		this.clock = clock;
	}

	/**
	 * One Ed25519 key of the ring, public part only.
	 *
	 * @param kid its id (the JWK thumbprint, RFC 7638)
	 * @param createdAt when it was made
	 * @param retiredAt when a newer key took over; null while it signs
	 * @param publicKey the 32-byte public key
	 */
	public record NoteKey(String kid, Instant createdAt, @Nullable Instant retiredAt, byte[] publicKey) {

		public NoteKey {
			publicKey = publicKey.clone();
		}

		@Override
		public byte[] publicKey() {
			return this.publicKey.clone();
		}

		/** Whether this key signs new notes. */
		public boolean active() {
			return this.retiredAt == null;
		}

	}

	/**
	 * The active key with its private part.
	 *
	 * @param key the key's public entry
	 * @param privateKey the JDK's private key, to sign with
	 */
	public record Signing(NoteKey key, PrivateKey privateKey) {
	}

	/** What these keys sign. */
	public KeyPurpose purpose() {
		return this.rows.purpose();
	}

	/** The active key, made now if there is none yet. */
	public NoteKey active() {
		return findActive().orElseGet(() -> this.rows.locked(() -> findActive().orElseGet(this::create)));
	}

	/** The active key with its private part, made now if there is none yet. */
	public Signing signing() {
		NoteKey key = active();
		return new Signing(key, this.privateKeys.computeIfAbsent(key.kid(), this::open));
	}

	/**
	 * Retires the active key and makes a new one; what the old one signed verifies on.
	 */
	public NoteKey rotate() {
		NoteKey key = this.rows.locked(() -> {
			this.rows.retireActive(this.clock.instant());
			return create();
		});
		log.info("Rotated the {} key; new key id {}", purpose().code(), key.kid());
		return key;
	}

	/** Every key, active first, then retired ones, most recently retired first. */
	public List<NoteKey> keys() {
		active();
		return this.rows.all().stream().map(this::key).toList();
	}

	/** The key with this id, active or retired. */
	public Optional<NoteKey> key(String kid) {
		return this.rows.find(kid).map(this::key);
	}

	private Optional<NoteKey> findActive() {
		return this.rows.active().map(this::key);
	}

	private NoteKey create() {
		Instant now = this.clock.instant();
		KeyPair pair = Ed25519Keys.generate();
		OctetKeyPair jwk;
		try {
			jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.raw(pair.getPublic())))
				.d(Base64URL.encode(Ed25519Keys.raw(pair.getPrivate())))
				.keyUse(KeyUse.SIGNATURE)
				.keyIDFromThumbprint()
				.build();
		}
		catch (JOSEException ex) {
			throw new KeyUnavailable(purpose(), "-", "its thumbprint could not be computed", ex);
		}
		this.rows.insert(jwk.getKeyID(), now, jwk.toPublicJWK().toJSONString(), jwk.toJSONString());
		this.privateKeys.put(jwk.getKeyID(), pair.getPrivate());
		log.info("Generated a {} key, key id {}", purpose().code(), jwk.getKeyID());
		return new NoteKey(jwk.getKeyID(), now, null, jwk.getX().decode());
	}

	private NoteKey key(KeyRows.Row row) {
		if (row.publicJwk() == null) {
			throw new KeyUnavailable(purpose(), row.kid(), "it has no public part");
		}
		OctetKeyPair jwk = parse(row.kid(), row.publicJwk());
		return new NoteKey(row.kid(), row.createdAt(), row.retiredAt(), jwk.getX().decode());
	}

	/** The private key of a row, which must be the Ed25519 key of that row. */
	private PrivateKey open(String kid) {
		OctetKeyPair jwk = parse(kid, this.rows.privateJwk(kid));
		if (!jwk.isPrivate() || !kid.equals(jwk.getKeyID())) {
			throw new KeyUnavailable(purpose(), kid, "the decrypted key is not the Ed25519 key of its row");
		}
		return Ed25519Keys.privateKey(jwk.getD().decode());
	}

	private OctetKeyPair parse(String kid, String json) {
		try {
			OctetKeyPair jwk = OctetKeyPair.parse(json);
			if (!Curve.Ed25519.equals(jwk.getCurve())) {
				throw new KeyUnavailable(purpose(), kid, "it is not an Ed25519 key");
			}
			return jwk;
		}
		catch (ParseException ex) {
			throw new KeyUnavailable(purpose(), kid, "it is not an OKP JWK", ex);
		}
	}

}
