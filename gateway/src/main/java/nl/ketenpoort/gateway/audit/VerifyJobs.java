package nl.ketenpoort.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;

/**
 * Verifications of the whole chain that privacy officers start (console, API), run in the
 * background on this node with their progress in {@code audit_verify_job}, so that any
 * node answers their status. At most one runs per organisation: asking again while one
 * runs gives that one.
 */
@Service
public class VerifyJobs {

	private static final Logger log = LoggerFactory.getLogger(VerifyJobs.class);

	/** How often this node confirms that its jobs still run. */
	static final Duration HEARTBEAT = Duration.ofSeconds(10);

	/** A running job whose node has not confirmed it for this long is taken as failed. */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

	/** How often progress is written while verifying. */
	private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

	/** Finished jobs are removed after this long, when their organisation starts one. */
	private static final Duration KEPT_FOR = Duration.ofDays(30);

	private static final String COLUMNS = "id, organisation, state, checked, total, started_at, heartbeat_at,"
			+ " finished_at, intact, events_checked, checkpoints, pruned, first_bad_position, break_kind, failure";

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	private final Clock clock;

	// Two at a time: each reads the whole log; more would only slow the database for the
	// gateway's own work. Others wait, shown as running with nothing checked yet.
	private final ExecutorService runner = Executors.newFixedThreadPool(2, daemon("audit-verify-job"));

	private final ScheduledExecutorService heartbeat = Executors
		.newSingleThreadScheduledExecutor(daemon("audit-verify-heartbeat"));

	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	VerifyJobs(JdbcClient jdbc, AuditChainVerifier verifier, Clock clock) {
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.clock = clock;
		this.heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts verifying the whole chain for an organisation, or gives the verification of
	 * that organisation that is still running.
	 * @param organisation the code of the organisation of the privacy officer who asks
	 * @return the new or the running job
	 */
	public VerifyJob start(String organisation) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("UPDATE audit_verify_job SET state = 'failed', failure = 'ABANDONED', finished_at = ?"
					+ " WHERE organisation = ? AND state = 'running' AND heartbeat_at < ?")
			.params(Timestamp.from(now), organisation, Timestamp.from(now.minus(ABANDONED_AFTER)))
			.update();
		this.jdbc.sql("DELETE FROM audit_verify_job WHERE organisation = ? AND state <> 'running' AND finished_at < ?")
			.params(organisation, Timestamp.from(now.minus(KEPT_FOR)))
			.update();
		// A job that finishes between the refused insert and the read of the running one
		// leaves nothing to give: then this one starts after all.
		for (int attempt = 0; attempt < 3; attempt++) {
			UUID id = UUID.randomUUID();
			int inserted = this.jdbc
				.sql("INSERT INTO audit_verify_job (id, organisation, state, total, started_at, heartbeat_at)"
						+ " VALUES (?, ?, 'running', ?, ?, ?)"
						+ " ON CONFLICT (organisation) WHERE state = 'running' DO NOTHING")
				.params(id, organisation, this.verifier.head(), Timestamp.from(now), Timestamp.from(now))
				.update();
			if (inserted == 1) {
				this.running.add(id);
				this.runner.execute(() -> run(id));
				log.info("Started verifying the audit chain in the background for an organisation's privacy officer");
				return find(id).orElseThrow();
			}
			Optional<VerifyJob> other = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM audit_verify_job WHERE organisation = ? AND state = 'running'")
				.param(organisation)
				.query(this::job)
				.optional();
			if (other.isPresent()) {
				return other.get();
			}
		}
		throw new IllegalStateException("Could not start or find a running verification of the audit chain");
	}

	/**
	 * A job of this organisation; another organisation's is not found, as if it did not
	 * exist.
	 */
	public Optional<VerifyJob> find(UUID id, String organisation) {
		return find(id).filter((job) -> job.organisation().equals(organisation));
	}

	private Optional<VerifyJob> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_verify_job WHERE id = ?")
			.param(id)
			.query(this::job)
			.optional();
	}

	private void run(UUID id) {
		try {
			Progress progress = new Progress(id);
			ChainVerification result = this.verifier.verifyOnRequest(1, Long.MAX_VALUE, progress::reached);
			this.jdbc.sql("UPDATE audit_verify_job SET state = 'done', checked = greatest(checked, ?),"
					+ " total = greatest(total, ?), finished_at = ?, heartbeat_at = ?, intact = ?, events_checked = ?,"
					+ " checkpoints = ?, pruned = ?, first_bad_position = ?, break_kind = ? WHERE id = ? AND state = 'running'")
				.params(progress.last, progress.last, now(), now(), result.intact(), result.checked(),
						result.checkpoints(), result.pruned(), result.firstBadPosition(),
						(result.kind() != null) ? result.kind().name() : null, id)
				.update();
			if (!result.intact()) {
				log.warn("A background verification found the audit chain broken at position {} ({})",
						result.firstBadPosition(), result.kind());
			}
		}
		catch (RuntimeException ex) {
			log.warn("A background verification of the audit chain failed", ex);
			fail(id, Thread.currentThread().isInterrupted() ? "INTERRUPTED" : "VERIFY_FAILED");
		}
		finally {
			this.running.remove(id);
		}
	}

	private void fail(UUID id, String failure) {
		try {
			this.jdbc
				.sql("UPDATE audit_verify_job SET state = 'failed', failure = ?, finished_at = ?"
						+ " WHERE id = ? AND state = 'running'")
				.params(failure, now(), id)
				.update();
		}
		catch (RuntimeException ex) {
			// The heartbeat stops with this node, so the job shows as abandoned soon.
			log.warn("Could not record that a background verification failed", ex);
		}
	}

	/**
	 * Confirms this node's running jobs, so that other nodes do not take them as gone.
	 */
	private void beat() {
		for (UUID id : this.running) {
			try {
				this.jdbc.sql("UPDATE audit_verify_job SET heartbeat_at = ? WHERE id = ? AND state = 'running'")
					.params(now(), id)
					.update();
			}
			catch (RuntimeException ex) {
				log.warn("Could not confirm a running background verification", ex);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.heartbeat.shutdownNow();
		this.runner.shutdownNow();
		for (UUID id : this.running) {
			fail(id, "INTERRUPTED");
		}
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private VerifyJob job(ResultSet rs, int row) throws SQLException {
		VerifyJob.State state = VerifyJob.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT));
		String failure = rs.getString("failure");
		Instant finishedAt = instant(rs.getTimestamp("finished_at"));
		if (state == VerifyJob.State.RUNNING
				&& rs.getTimestamp("heartbeat_at").toInstant().isBefore(this.clock.instant().minus(ABANDONED_AFTER))) {
			// Its node went away; the next request of the organisation replaces it.
			state = VerifyJob.State.FAILED;
			failure = "ABANDONED";
		}
		ChainVerification result = null;
		if (state == VerifyJob.State.DONE) {
			String kind = rs.getString("break_kind");
			Long firstBad = rs.getObject("first_bad_position", Long.class);
			result = new ChainVerification(rs.getLong("events_checked"), rs.getLong("checkpoints"), firstBad,
					(kind != null) ? ChainBreak.valueOf(kind) : null, rs.getLong("pruned"));
		}
		return new VerifyJob(rs.getObject("id", UUID.class), rs.getString("organisation"), state, rs.getLong("checked"),
				rs.getLong("total"), rs.getTimestamp("started_at").toInstant(), finishedAt, result, failure);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Writes how far a job is, at most every {@link #PROGRESS_EVERY}. */
	private final class Progress {

		private final UUID id;

		private long last;

		private Instant written = Instant.EPOCH;

		Progress(UUID id) {
			this.id = id;
		}

		void reached(long position) {
			this.last = position;
			Instant now = VerifyJobs.this.clock.instant();
			if (Duration.between(this.written, now).compareTo(PROGRESS_EVERY) < 0) {
				return;
			}
			this.written = now;
			VerifyJobs.this.jdbc
				.sql("UPDATE audit_verify_job SET checked = ?, total = greatest(total, ?), heartbeat_at = ?"
						+ " WHERE id = ? AND state = 'running'")
				.params(position, position, Timestamp.from(now), this.id)
				.update();
		}

	}

}
