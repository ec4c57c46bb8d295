package nl.ketenpoort.gateway.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.gateway.database.SchemaOwner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditRetention;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.audit.ChainVerification;
import nl.ketenpoort.gateway.audit.PrunedRanges;

/**
 * Enforces the retention periods of the audit log. Only events before the latest signed
 * checkpoint are pruned, and only after the chain up to that checkpoint verified intact:
 * pruning must never wipe out the evidence of tampering. Each run of consecutive expired
 * events becomes one {@link PrunedRange}, all ranges of a run are covered by one signed
 * statement, and the run itself is recorded as an {@code audit-pruned} event.
 *
 * <p>
 * The application role cannot delete audit events; pruning connects as the schema owner,
 * and the database lets an event go only once a range that covers it is recorded.
 */
@Component
public class AuditPruner {

	/** Advisory lock key of pruning ("KETENPRU"): one pruning at a time across nodes. */
	static final long PRUNE_LOCK = 0x4b4554454e505255L;

	private static final Logger log = LoggerFactory.getLogger(AuditPruner.class);

	private static final int WINDOW = 50_000;

	private static final int FLUSH = 1_000;

	private final SchemaOwner owner;

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	private final AuditCheckpoints checkpoints;

	private final PrunedRanges pruned;

	private final AuditTrail trail;

	private final AuditRetention retention;

	private final Clock clock;

	private volatile @Nullable Instant lastRun;

	public AuditPruner(SchemaOwner owner, JdbcClient jdbc, AuditChainVerifier verifier, AuditCheckpoints checkpoints,
			PrunedRanges pruned, AuditTrail trail, AuditRetention retention, PurposeCatalogue catalogue, Clock clock) {
		for (String purpose : retention.purposes().keySet()) {
			if (catalogue.find(purpose).isEmpty()) {
				throw new IllegalStateException("ketenpoort.audit.retention.purposes names an unknown purpose: "
						+ purpose + " (see the purpose catalogue)");
			}
		}
		this.owner = owner;
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.pruned = pruned;
		this.trail = trail;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * The result of one pruning run.
	 *
	 * @param pruningId id of the signed statement, or {@code null} when nothing was
	 * pruned
	 * @param events events pruned
	 * @param ranges ranges they form
	 * @param anchorPosition the signed checkpoint pruning started from (0 when none)
	 * @param refusal why nothing could be pruned, or {@code null}
	 * @param rangesSha256 the digest the pruning statement signs, or {@code null}
	 * @param chainBroken whether the refusal is a broken chain (a finding) rather than a
	 * missing precondition
	 */
	public record Result(@Nullable UUID pruningId, long events, long ranges, long anchorPosition,
			@Nullable String refusal, @Nullable String rangesSha256, boolean chainBroken) {

		static Result refused(String why) {
			return new Result(null, 0, 0, 0, why, null, false);
		}

		static Result brokenChain(String why) {
			return new Result(null, 0, 0, 0, why, null, true);
		}

		static Result nothingBefore(long anchorPosition) {
			return new Result(null, 0, 0, anchorPosition, null, null, false);
		}

	}

	@Scheduled(fixedDelayString = "${ketenpoort.audit.retention.check:10m}",
			initialDelayString = "${ketenpoort.audit.retention.check:10m}")
	public void pruneIfDue() {
		if (this.retention.pruneEvery().isZero() || this.owner.dataSource().isEmpty()) {
			return;
		}
		// A run verifies the chain first, which costs a minute at ten million events: run
		// at
		// most once per interval on this node, and not when another node pruned lately.
		Instant now = this.clock.instant();
		Instant lastHere = this.lastRun;
		if (lastHere != null && lastHere.plus(this.retention.pruneEvery()).isAfter(now)) {
			return;
		}
		Optional<Instant> last = this.jdbc.sql("SELECT max(pruned_at) FROM audit_pruning")
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
		if (last.isPresent() && last.get().plus(this.retention.pruneEvery()).isAfter(now)) {
			return;
		}
		this.lastRun = now;
		try {
			Result result = prune();
			if (result.refusal() != null) {
				log.warn("Audit retention did not prune: {}", result.refusal());
			}
			else if (result.events() > 0) {
				log.info("Audit retention pruned {} events in {} ranges", result.events(), result.ranges());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit retention pruning failed this round; retrying on the next", ex);
		}
	}

	/** The position the verification before pruning has reached, for progress reports. */
	public long verifiedUpTo() {
		return this.verifier.reached();
	}

	/** The periods this pruner prunes by. */
	public AuditRetention retention() {
		return this.retention;
	}

	/**
	 * What {@link #prune()} would remove now, per purpose ({@code none} for events
	 * without one), deleting nothing.
	 *
	 * @param anchorPosition the signed checkpoint pruning would start from (0 when none)
	 * @param perPurpose events that would go, per purpose
	 */
	public record Preview(long anchorPosition, Map<String, Long> perPurpose) {

		/** Every event that would go. */
		public long events() {
			return this.perPurpose.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Counts what pruning would remove now, per purpose, and deletes nothing. */
	public Preview preview() {
		Optional<AuditCheckpoints.Checkpoint> anchor = this.checkpoints.latest().filter(this.checkpoints::signed);
		if (anchor.isEmpty()) {
			return new Preview(0, Map.of());
		}
		List<Object> params = new ArrayList<>(List.of(anchor.get().position()));
		String expired = expiredCondition(this.clock.instant(), params);
		Map<String, Long> perPurpose = new TreeMap<>();
		this.jdbc
			.sql("SELECT coalesce(purpose, 'none'), count(*) FROM audit_event WHERE position < ? AND " + expired
					+ " GROUP BY 1")
			.params(params)
			.query((rs) -> {
				perPurpose.put(rs.getString(1), rs.getLong(2));
			});
		return new Preview(anchor.get().position(), perPurpose);
	}

	/**
	 * The condition that an event's retention has passed, adding the cutoffs to the
	 * parameters.
	 */
	private String expiredCondition(Instant now, List<Object> params) {
		StringBuilder sql = new StringBuilder("recorded_at < ");
		if (!this.retention.purposes().isEmpty()) {
			sql.append("CASE");
			for (String purpose : this.retention.purposes().keySet()) {
				sql.append(" WHEN purpose = ? THEN ?::timestamptz");
				params.add(purpose);
				params.add(Timestamp.from(this.retention.cutoff(purpose, now)));
			}
			sql.append(" ELSE ?::timestamptz END");
		}
		else {
			sql.append("?::timestamptz");
		}
		params.add(Timestamp.from(this.retention.cutoff(null, now)));
		return sql.toString();
	}

	/** Prunes every event whose retention period has passed. */
	public Result prune() {
		Optional<DataSource> ownerDataSource = this.owner.dataSource();
		if (ownerDataSource.isEmpty()) {
			return Result.refused("pruning needs the schema owner's credentials (SPRING_FLYWAY_USER and"
					+ " SPRING_FLYWAY_PASSWORD); the application role may not delete audit events");
		}
		Optional<AuditCheckpoints.Checkpoint> anchor = this.checkpoints.latest().filter(this.checkpoints::signed);
		if (anchor.isEmpty()) {
			return Result.refused("there is no signed checkpoint to prune from yet");
		}
		ChainVerification check = this.verifier.verify(1, anchor.get().position());
		if (!check.intact()) {
			return Result.brokenChain("the audit chain is broken at position " + check.firstBadPosition() + " ("
					+ check.kind().name().toLowerCase() + "); pruning would destroy that evidence");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		DataSource dataSource = ownerDataSource.get();
		JdbcClient asOwner = JdbcClient.create(dataSource);
		JdbcTemplate batches = new JdbcTemplate(dataSource);
		Result result = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
			.execute((status) -> pruneBefore(asOwner, batches, anchor.get(), now));
		if (result != null && result.pruningId() != null) {
			this.trail
				.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_PRUNED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
					.reason("retention")
					.payload(List.of(), result.rangesSha256())
					.build());
		}
		return result;
	}

	private Result pruneBefore(JdbcClient asOwner, JdbcTemplate batches, AuditCheckpoints.Checkpoint anchor,
			Instant now) {
		asOwner.sql("SELECT pg_advisory_xact_lock(?)").param(PRUNE_LOCK).query().singleRow();
		UUID pruningId = UUID.randomUUID();
		PrunedRanges.RangeDigest digest = new PrunedRanges.RangeDigest();
		List<PrunedRange> unwritten = new ArrayList<>();
		forEachExpiredRange(asOwner, anchor.position(), now, pruningId, (range) -> {
			digest.add(range);
			unwritten.add(range);
			if (unwritten.size() >= FLUSH) {
				write(batches, unwritten);
			}
		});
		write(batches, unwritten);
		if (digest.ranges() == 0) {
			return Result.nothingBefore(anchor.position());
		}
		PrunedRanges.Pruning pruning = this.pruned.sign(pruningId, now, anchor, digest, this.retention.inForce());
		asOwner
			.sql("INSERT INTO audit_pruning (pruning_id, pruned_at, anchor_position, anchor_hash, event_count,"
					+ " range_count, ranges_sha256, key_id, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(pruning.pruningId(), Timestamp.from(now), anchor.position(), anchor.headHash(),
					pruning.eventCount(), pruning.rangeCount(), pruning.rangesSha256(), pruning.keyId(),
					pruning.statement())
			.update();
		return new Result(pruning.pruningId(), pruning.eventCount(), pruning.rangeCount(), anchor.position(), null,
				pruning.rangesSha256(), false);
	}

	/** Records the ranges, after which the database lets their events go. */
	private static void write(JdbcTemplate batches, List<PrunedRange> ranges) {
		if (ranges.isEmpty()) {
			return;
		}
		batches.batchUpdate(
				"INSERT INTO audit_pruned_range (first_position, last_position, prev_hash, hash, pruning_id)"
						+ " VALUES (?, ?, ?, ?, ?)",
				ranges.stream()
					.map((range) -> new Object[] { range.firstPosition(), range.lastPosition(), range.prevHash(),
							range.hash(), range.pruningId() })
					.toList());
		batches.batchUpdate("DELETE FROM audit_event WHERE position BETWEEN ? AND ?",
				ranges.stream().map((range) -> new Object[] { range.firstPosition(), range.lastPosition() }).toList());
		ranges.clear();
	}

	/**
	 * Hands over, in chain order, each run of consecutive stored events before the anchor
	 * whose retention has passed, reading windows of positions so that a large log never
	 * sits in memory at once.
	 */
	private void forEachExpiredRange(JdbcClient asOwner, long anchorPosition, Instant now, UUID pruningId,
			Consumer<PrunedRange> ranges) {
		StringBuilder sql = new StringBuilder("SELECT position, prev_hash, hash FROM audit_event"
				+ " WHERE position >= ? AND position < ? AND position < ? AND recorded_at < ");
		List<Object> cutoffs = new ArrayList<>();
		if (!this.retention.purposes().isEmpty()) {
			sql.append("CASE");
			for (String purpose : this.retention.purposes().keySet()) {
				sql.append(" WHEN purpose = ? THEN ?::timestamptz");
				cutoffs.add(purpose);
				cutoffs.add(Timestamp.from(this.retention.cutoff(purpose, now)));
			}
			sql.append(" ELSE ?::timestamptz END");
		}
		else {
			sql.append("?::timestamptz");
		}
		sql.append(" ORDER BY position");
		cutoffs.add(Timestamp.from(this.retention.cutoff(null, now)));
		@Nullable PrunedRange open = null;
		long first = this.jdbc.sql("SELECT coalesce(min(position), 1) FROM audit_event").query(Long.class).single();
		for (long window = first; window < anchorPosition; window += WINDOW) {
			List<Object> params = new ArrayList<>(List.of(window, window + WINDOW, anchorPosition));
			params.addAll(cutoffs);
			List<PrunedRange> expired = asOwner.sql(sql.toString())
				.params(params)
				.query((rs, row) -> new PrunedRange(rs.getLong(1), rs.getLong(1), rs.getString(2), rs.getString(3),
						pruningId))
				.list();
			for (PrunedRange event : expired) {
				if (open != null && open.lastPosition() == event.firstPosition() - 1) {
					open = new PrunedRange(open.firstPosition(), event.lastPosition(), open.prevHash(), event.hash(),
							pruningId);
				}
				else {
					if (open != null) {
						ranges.accept(open);
					}
					open = event;
				}
			}
		}
		if (open != null) {
			ranges.accept(open);
		}
	}

}
