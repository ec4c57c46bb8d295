package nl.ketenpoort.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The rows of one {@link KeyPurpose} in {@code signing_key}, whatever the kind of key:
 * the lifecycle every key ring shares (one active key, made or replaced under a
 * transaction-scoped advisory lock per purpose, retired keys kept), and the sealing of
 * private parts under the purpose's key-encryption key, bound to {@code purpose:kid}. The
 * rings decide what a key is ({@link KeyRing}: ES256, {@link NoteKeyRing}: Ed25519).
 */
final class KeyRows {

	private static final String COLUMNS = "kid, created_at, retired_at, public_jwk";

	private final KeyPurpose purpose;

	private final KeySealing sealing;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	KeyRows(KeyPurpose purpose, KeySealing sealing, JdbcClient jdbc, TransactionOperations transactions) {
		this.purpose = purpose;
		this.sealing = sealing;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * One key's row, public part only.
	 *
	 * @param publicJwk null only for a key copied from a table that kept no public part
	 */
	record Row(String kid, Instant createdAt, @Nullable Instant retiredAt, @Nullable String publicJwk) {
	}

	KeyPurpose purpose() {
		return this.purpose;
	}

	Optional<Row> active() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE purpose = ? AND retired_at IS NULL")
			.param(this.purpose.code())
			.query(KeyRows::row)
			.optional();
	}

	Optional<Row> find(String kid) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE purpose = ? AND kid = ?")
			.params(this.purpose.code(), kid)
			.query(KeyRows::row)
			.optional();
	}

	/**
	 * Every row: the active key first, then the retired ones, most recently retired
	 * first.
	 */
	List<Row> all() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM signing_key WHERE purpose = ?"
					+ " ORDER BY retired_at DESC NULLS FIRST, created_at DESC, kid")
			.param(this.purpose.code())
			.query(KeyRows::row)
			.list();
	}

	/**
	 * Runs {@code work} in a transaction that holds the purpose's advisory lock, so nodes
	 * making or rotating keys at once agree on one active key.
	 */
	<T> T locked(Supplier<T> work) {
		T result = this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("signing_key:" + this.purpose.code())
				.query((rs, row) -> 1)
				.list();
			return work.get();
		});
		if (result == null) {
			throw new KeyUnavailable(this.purpose, "-", "the key transaction returned nothing");
		}
		return result;
	}

	void retireActive(Instant now) {
		this.jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE purpose = ? AND retired_at IS NULL")
			.params(Timestamp.from(now), this.purpose.code())
			.update();
	}

	/** Stores a new active key, its private JWK sealed. */
	void insert(String kid, Instant now, String publicJwk, String privateJwk) {
		this.jdbc.sql("""
				INSERT INTO signing_key (kid, purpose, created_at, public_jwk, private_jwk_encrypted)
				VALUES (?, ?, ?, ?, ?)""")
			.params(kid, this.purpose.code(), Timestamp.from(now), publicJwk,
					this.sealing.seal(privateJwk.getBytes(StandardCharsets.UTF_8), associatedData(kid)))
			.update();
	}

	/**
	 * The private JWK of a key, opened: a key copied from a table before this one keeps
	 * the associated data it was sealed with; what opens must be the key of its row.
	 */
	String privateJwk(String kid) {
		Sealed sealed = this.jdbc
			.sql("SELECT private_jwk_encrypted, legacy_associated_data FROM signing_key WHERE purpose = ? AND kid = ?")
			.params(this.purpose.code(), kid)
			.query((rs, row) -> new Sealed(rs.getBytes(1), rs.getBytes(2)))
			.optional()
			.orElseThrow(() -> new KeyUnavailable(this.purpose, kid, "there is no such key"));
		byte[] associatedData = (sealed.legacyAssociatedData() != null) ? sealed.legacyAssociatedData()
				: associatedData(kid);
		try {
			return new String(this.sealing.open(sealed.privateJwk(), associatedData), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyUnavailable(this.purpose, kid,
					"its private part cannot be decrypted with the configured key-encryption key", ex);
		}
	}

	/**
	 * What a new key's sealing is bound to: its purpose and id, so no row can take it.
	 */
	private byte[] associatedData(String kid) {
		return (this.purpose.code() + ":" + kid).getBytes(StandardCharsets.UTF_8);
	}

	private static Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp retired = rs.getTimestamp("retired_at");
		return new Row(rs.getString("kid"), rs.getTimestamp("created_at").toInstant(),
				(retired != null) ? retired.toInstant() : null, rs.getString("public_jwk"));
	}

	private record Sealed(byte[] privateJwk, byte @Nullable [] legacyAssociatedData) {
	}

}
