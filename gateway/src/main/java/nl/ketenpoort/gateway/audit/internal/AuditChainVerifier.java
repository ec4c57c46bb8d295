package nl.ketenpoort.gateway.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import nl.ketenpoort.gateway.audit.AuditCatalogue;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.ChainBreak;
import nl.ketenpoort.gateway.audit.ChainVerification;
import nl.ketenpoort.gateway.audit.PrunedRanges;

/**
 * Recomputes the hash chain and tells where it breaks first and how: a modified row, a
 * deleted one, an inserted one or rows in another order; then confirms the signed
 * checkpoints and that every audit event an exchange names is still there. Ranges that
 * retention pruned are linked through by their end hashes, and each must be covered
 * exactly by a signed pruning statement.
 */
@Service
public class AuditChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

	private static final int LOOK_AHEAD = 256;

	private final JdbcClient jdbc;

	private final AuditCheckpoints checkpoints;

	private final PrunedRanges pruned;

	private final AuditEpochs epochs;

	private final int batchSize;

	// The position the latest walk has reached, for a command's progress line; walks of
	// the service may overlap, a command runs one.
	private final java.util.concurrent.atomic.AtomicLong reached = new java.util.concurrent.atomic.AtomicLong();

	public AuditChainVerifier(JdbcClient jdbc, AuditCheckpoints checkpoints, PrunedRanges pruned, AuditEpochs epochs,
			AuditSettings settings) {
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		this.pruned = pruned;
		this.epochs = epochs;
		this.batchSize = settings.verifyBatchSize();
	}

	/** Verifies the whole chain. */
	public ChainVerification verify() {
		return verify(1, Long.MAX_VALUE);
	}

	/**
	 * Verifies the whole chain for a person who asked (console, API): signs the current
	 * head first, see {@link #verifyOnRequest(long, long)}.
	 */
	public ChainVerification verifyOnRequest() {
		return verifyOnRequest(1, Long.MAX_VALUE);
	}

	/**
	 * Verifies for a person who asked (console, API, command line): first signs the
	 * current head when it moved since the last checkpoint, so that a later deletion of
	 * the events seen now shows as {@link ChainBreak#DELETED}. A head that cannot be
	 * signed (no key, a read-only connection) does not stop the verification.
	 */
	public ChainVerification verifyOnRequest(long from, long to) {
		return verifyOnRequest(from, to, (position) -> {
		});
	}

	/**
	 * Verifies for a person who asked, as {@link #verifyOnRequest(long, long)}, and tells
	 * {@code progress} the position it has read up to after every batch: for a background
	 * verification that reports how far it is.
	 */
	public ChainVerification verifyOnRequest(long from, long to, LongConsumer progress) {
		try {
			this.checkpoints.signHead();
		}
		catch (RuntimeException ex) {
			log.warn("The audit head could not be signed before verifying; verifying without it", ex);
		}
		return verify(from, to, progress);
	}

	/** Verifies the events from position {@code from} to {@code to}, both included. */
	public ChainVerification verify(long from, long to) {
		return verify(from, to, (position) -> {
		});
	}

	private ChainVerification verify(long from, long to, LongConsumer progress) {
		// The database reads the next batch while this thread hashes the current one.
		ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "audit-verify-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			// A pruning that commits while the walk reads events and ranges in separate
			// statements can look like deleted events; a break seen while prunings
			// changed
			// is checked once more on the settled state.
			long prunings = this.pruned.count();
			ChainVerification result = walk(from, to, reader, progress);
			if (!result.intact() && this.pruned.count() != prunings) {
				result = walk(from, to, reader, progress);
			}
			return result;
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** The position the latest verification has read up to, for progress reports. */
	public long reached() {
		return this.reached.get();
	}

	/** The position of the newest event (0 when the log is empty). */
	public long head() {
		return this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_event").query(Long.class).single();
	}

	private ChainVerification walk(long from, long to, ExecutorService reader, LongConsumer progress) {
		long start = this.pruned.containing(Math.max(1, from))
			.map(PrunedRange::firstPosition)
			.orElse(Math.max(1, from));
		String expectedPrev = (start == 1) ? AuditRecord.GENESIS : hashAt(start - 1).orElse(null);
		if (expectedPrev == null) {
			return ChainVerification.broken(0, 0, start - 1, ChainBreak.DELETED);
		}
		long expectedPosition = start;
		long checked = 0;
		long prunedEvents = 0;
		Set<UUID> prunings = new LinkedHashSet<>();
		@Nullable AuditRecord previous = null;
		@Nullable AuditRecord beforePrevious = null;
		// The canonical form of the rows so far (0 at the start and after a pruned range:
		// the next row's own); it changes only at a signed epoch event.
		int form = 0;
		Future<Batch> pending = reader.submit(() -> read(start, to));
		while (pending != null) {
			Batch batch = await(pending);
			if (batch.links().isEmpty()) {
				break;
			}
			pending = (batch.next() <= to) ? reader.submit(() -> read(batch.next(), to)) : null;
			this.reached.set(batch.next() - 1);
			progress.accept(batch.next() - 1);
			List<Object> links = batch.links();
			for (int i = 0; i < links.size(); i++) {
				if (links.get(i) instanceof PrunedRange range) {
					if (range.firstPosition() != expectedPosition) {
						return ChainVerification.broken(checked, 0, expectedPosition,
								(range.firstPosition() > expectedPosition) ? ChainBreak.DELETED : ChainBreak.INSERTED);
					}
					if (!range.prevHash().equals(expectedPrev)) {
						return ChainVerification.broken(checked, 0, range.firstPosition(), ChainBreak.MODIFIED);
					}
					prunings.add(range.pruningId());
					prunedEvents += range.eventCount();
					previous = null;
					beforePrevious = null;
					form = 0;
					expectedPrev = range.hash();
					expectedPosition = range.lastPosition() + 1;
					continue;
				}
				AuditCatalogue.Read read = (AuditCatalogue.Read) links.get(i);
				AuditRecord row = read.record();
				checked++;
				if (row.position() != expectedPosition) {
					return ChainVerification.broken(checked, 0, expectedPosition, ChainBreak.DELETED);
				}
				if (!knownForm(row.form())) {
					return ChainVerification.broken(checked, 0, row.position(), ChainBreak.MODIFIED);
				}
				boolean selfValid = AuditFields.CATALOGUE.recomputedHash(read).equals(row.hash());
				if (!selfValid) {
					AuditRecord next = (i + 1 < links.size()
							&& links.get(i + 1) instanceof AuditCatalogue.Read following)
									? following.record()
									: rows(row.position() + 1, to, 1).stream()
										.findFirst()
										.map(AuditCatalogue.Read::record)
										.orElse(null);
					ChainBreak kind = (next != null && next.prevHash().equals(expectedPrev)) ? ChainBreak.INSERTED
							: ChainBreak.MODIFIED;
					return ChainVerification.broken(checked, 0, row.position(), kind);
				}
				if (!row.prevHash().equals(expectedPrev)) {
					if (beforePrevious != null && previous != null && row.prevHash().equals(beforePrevious.hash())) {
						return ChainVerification.broken(checked, 0, previous.position(), ChainBreak.INSERTED);
					}
					if (appearsLater(row.prevHash(), row.position())) {
						return ChainVerification.broken(checked, 0, row.position(), ChainBreak.REORDERED);
					}
					return ChainVerification.broken(checked, 0, row.position(), ChainBreak.DELETED);
				}
				if (row.form() < form || (form != 0 && row.form() > form && !this.epochs.starts(row))) {
					return ChainVerification.broken(checked, 0, row.position(), ChainBreak.MODIFIED);
				}
				form = row.form();
				beforePrevious = previous;
				previous = row;
				expectedPrev = row.hash();
				expectedPosition++;
			}
		}
		for (UUID pruning : prunings) {
			if (!this.pruned.confirmed(pruning)) {
				long first = this.jdbc.sql("SELECT min(first_position) FROM audit_pruned_range WHERE pruning_id = ?")
					.param(pruning)
					.query(Long.class)
					.single();
				return ChainVerification.broken(checked, 0, first, ChainBreak.DELETED);
			}
		}
		long lastPosition = Math.min(to, expectedPosition - 1);
		ChainVerification confirmed = this.checkpoints.confirm(checked, start, to, lastPosition, this::hashAt);
		if (!confirmed.intact()) {
			return confirmed;
		}
		Optional<Long> missing = firstMissingExchangeEvent(start, to);
		if (missing.isPresent()) {
			// Past the end: the end was cut off from the first position after it.
			return ChainVerification.broken(checked, confirmed.checkpoints(), Math.min(missing.get(), lastPosition + 1),
					ChainBreak.DELETED);
		}
		// Last, the Merkle tree: every stored leaf and node must follow from the chain
		// (the checkpoints above compared the roots they sign).
		java.util.OptionalLong tree = AuditTreeNodes.firstMismatch(this.jdbc, start, lastPosition);
		if (tree.isPresent()) {
			return ChainVerification.broken(checked, confirmed.checkpoints(), tree.getAsLong(), ChainBreak.MODIFIED);
		}
		return confirmed.withPruned(prunedEvents);
	}

	/**
	 * The first position in the range that an exchange names as its accepted or last
	 * status event but that holds no such event and was not pruned: the anchor for the
	 * end of the chain between signed heads. One set-based statement over all anchors.
	 */
	private Optional<Long> firstMissingExchangeEvent(long from, long to) {
		return this.jdbc
			.sql("SELECT ref.position FROM ("
					+ "SELECT accepted_position AS position, accepted_event_id AS event_id FROM audit_tail_anchor"
					+ " WHERE accepted_position BETWEEN ? AND ?"
					+ " UNION ALL SELECT status_position, status_event_id FROM audit_tail_anchor"
					+ " WHERE status_position BETWEEN ? AND ?" + ") ref WHERE NOT EXISTS (SELECT 1 FROM audit_event a"
					+ " WHERE a.position = ref.position AND a.event_id = ref.event_id)"
					+ " AND NOT EXISTS (SELECT 1 FROM audit_pruned_range r"
					+ " WHERE r.first_position <= ref.position AND r.last_position >= ref.position)"
					+ " ORDER BY ref.position LIMIT 1")
			.params(from, to, from, to)
			.query(Long.class)
			.optional();
	}

	private static boolean knownForm(int form) {
		return form == 1 || form == AuditCatalogue.FORM;
	}

	/**
	 * Stored events and pruned ranges from {@code cursor} on, in chain order, and where
	 * the next batch starts.
	 */
	private record Batch(List<Object> links, long next) {
	}

	private Batch read(long cursor, long to) {
		List<AuditCatalogue.Read> rows = rows(cursor, to, this.batchSize);
		long bound = (rows.size() == this.batchSize) ? rows.get(rows.size() - 1).record().position() : to;
		List<PrunedRange> ranges = this.pruned.startingBetween(cursor, bound);
		long next = cursor;
		if (!rows.isEmpty()) {
			next = Math.max(next, rows.get(rows.size() - 1).record().position() + 1);
		}
		if (!ranges.isEmpty()) {
			next = Math.max(next, ranges.get(ranges.size() - 1).lastPosition() + 1);
		}
		return new Batch(inChainOrder(rows, ranges), next);
	}

	private static Batch await(Future<Batch> pending) {
		try {
			return pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Audit verification was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Audit verification could not read the log", ex.getCause());
		}
	}

	/**
	 * The hash at a position: of the stored event, or of a pruned range that ends there;
	 * empty when the position lies inside a pruned range or nowhere.
	 */
	Optional<String> hashAt(long position) {
		Optional<String> stored = this.jdbc.sql("SELECT hash FROM audit_event WHERE position = ?")
			.param(position)
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored;
		}
		return this.pruned.containing(position)
			.filter((range) -> range.lastPosition() == position)
			.map(PrunedRange::hash);
	}

	private static List<Object> inChainOrder(List<AuditCatalogue.Read> rows, List<PrunedRange> ranges) {
		List<Object> links = new ArrayList<>(rows.size() + ranges.size());
		int r = 0;
		for (AuditCatalogue.Read row : rows) {
			while (r < ranges.size() && ranges.get(r).firstPosition() < row.record().position()) {
				links.add(ranges.get(r++));
			}
			links.add(row);
		}
		while (r < ranges.size()) {
			links.add(ranges.get(r++));
		}
		return links;
	}

	private List<AuditCatalogue.Read> rows(long from, long to, int limit) {
		return this.jdbc
			.sql("SELECT " + AuditRows.COLUMNS
					+ " FROM audit_event WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?")
			.params(from, to, limit)
			.query((rs, row) -> AuditFields.CATALOGUE.readWithColumns(rs))
			.list();
	}

	private boolean appearsLater(String hash, long position) {
		return this.jdbc.sql(
				"SELECT count(*) FROM (SELECT hash FROM audit_event WHERE position > ? ORDER BY position LIMIT ?) later"
						+ " WHERE hash = ?")
			.params(position, LOOK_AHEAD, hash)
			.query(Long.class)
			.single() > 0;
	}

}
