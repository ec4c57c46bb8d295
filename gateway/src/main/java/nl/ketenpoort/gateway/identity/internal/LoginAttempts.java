package nl.ketenpoort.gateway.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The login attempts per account and client address, in PostgreSQL so that every gateway
 * node counts the same. An attempt is written as a failure before its password is checked
 * and taken back when the password was right, so that a burst of parallel attempts cannot
 * slip past the count; the check and that write happen under a lock per account and cost
 * a few indexed queries, never a password hash.
 */
class LoginAttempts {

	/** Class of the advisory locks per account ("LOGN"); apart from the one-key locks. */
	private static final int ACCOUNT_LOCK_CLASS = 0x4c4f474e;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final LoginThrottling throttling;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, TransactionOperations transactions, LoginThrottling throttling, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.throttling = throttling;
		this.clock = clock;
	}

	/**
	 * Starts an attempt of this account from this address, or refuses it.
	 * @return the attempt, to be passed to {@link #succeeded} or {@link #failed}
	 * @throws LoginThrottled when the account is locked or the pair must wait
	 */
	Attempt begin(String account, String address) {
		Instant now = this.clock.instant();
		return this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:class, hashtext(:account))")
				.param("class", ACCOUNT_LOCK_CLASS)
				.param("account", account)
				.query((rs, row) -> true)
				.list();
			if (isLocked(account)
					|| failuresSince(account, now.minus(this.throttling.lockWindow())) >= this.throttling.lockAfter()) {
				throw LoginThrottled.locked();
			}
			Recent recent = this.jdbc
				.sql("""
						SELECT count(*) AS failures, max(attempted_at) AS latest FROM login_attempt
						WHERE account_key = :account AND address_key = :address AND NOT cleared AND attempted_at > :since""")
				.param("account", account)
				.param("address", address)
				.param("since", Timestamp.from(now.minus(this.throttling.failureWindow())))
				.query((rs, row) -> new Recent(rs.getInt("failures"),
						(rs.getTimestamp("latest") != null) ? rs.getTimestamp("latest").toInstant() : null))
				.single();
			if (recent.latest() != null) {
				Duration wait = Duration.between(now,
						recent.latest().plus(this.throttling.delayAfter(recent.failures())));
				if (wait.compareTo(Duration.ZERO) > 0) {
					throw LoginThrottled.waitFor(wait);
				}
			}
			long id = this.jdbc.sql("""
					INSERT INTO login_attempt (account_key, address_key, attempted_at)
					VALUES (:account, :address, :now) RETURNING id""")
				.param("account", account)
				.param("address", address)
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
			return new Attempt(id, account, address);
		});
	}

	/** The password was right: the attempt was no failure, and the pair starts afresh. */
	void succeeded(Attempt attempt) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM login_attempt WHERE id = :id").param("id", attempt.id()).update();
			this.jdbc.sql("""
					UPDATE login_attempt SET cleared = true
					WHERE account_key = :account AND address_key = :address AND NOT cleared""")
				.param("account", attempt.account())
				.param("address", attempt.address())
				.update();
		});
	}

	/**
	 * The attempt failed and stays counted; locks the account when it failed too often.
	 * @return whether this failure locked the account
	 */
	boolean failed(Attempt attempt) {
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			// The wait runs from the answer, not from the start of the password check.
			this.jdbc.sql("UPDATE login_attempt SET attempted_at = :now WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", attempt.id())
				.update();
			// Housekeeping on the way: failures are as rare as password checks.
			this.jdbc.sql("DELETE FROM login_attempt WHERE attempted_at < :before")
				.param("before", Timestamp.from(now.minus(this.throttling.longestWindow())))
				.update();
			if (failuresSince(attempt.account(), now.minus(this.throttling.lockWindow())) < this.throttling
				.lockAfter()) {
				return false;
			}
			return this.jdbc.sql("""
					INSERT INTO login_lock (account_key, locked_at) VALUES (:account, :now)
					ON CONFLICT DO NOTHING""")
				.param("account", attempt.account())
				.param("now", Timestamp.from(now))
				.update() == 1;
		}));
	}

	/**
	 * Lifts the lock of an account and forgets its failures.
	 * @return whether the account was locked
	 */
	boolean unlock(String account) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.jdbc.sql("DELETE FROM login_attempt WHERE account_key = :account").param("account", account).update();
			return this.jdbc.sql("DELETE FROM login_lock WHERE account_key = :account")
				.param("account", account)
				.update() == 1;
		}));
	}

	private boolean isLocked(String account) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_lock WHERE account_key = :account)")
			.param("account", account)
			.query(Boolean.class)
			.single();
	}

	private int failuresSince(String account, Instant since) {
		return this.jdbc
			.sql("SELECT count(*) FROM login_attempt WHERE account_key = :account AND attempted_at > :since")
			.param("account", account)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/** One attempt under way. */
	record Attempt(long id, String account, String address) {
	}

	private record Recent(int failures, @Nullable Instant latest) {
	}

}
