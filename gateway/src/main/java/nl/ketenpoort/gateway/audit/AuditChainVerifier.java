package nl.ketenpoort.gateway.audit;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes the hash chain and tells where it breaks first and how: a modified row, a
 * deleted one, an inserted one or rows in another order; then confirms the signed
 * checkpoints.
 */
@Service
public class AuditChainVerifier {

	private static final int LOOK_AHEAD = 256;

	private final JdbcClient jdbc;

	private final AuditCheckpoints checkpoints;

	private final int batchSize;

	AuditChainVerifier(JdbcClient jdbc, AuditCheckpoints checkpoints, AuditSettings settings) {
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		this.batchSize = settings.verifyBatchSize();
	}

	/** Verifies the whole chain. */
	public ChainVerification verify() {
		return verify(1, Long.MAX_VALUE);
	}

	/** Verifies the events from position {@code from} to {@code to}, both included. */
	public ChainVerification verify(long from, long to) {
		long start = Math.max(1, from);
		String expectedPrev = (start == 1) ? AuditRecord.GENESIS : storedHash(start - 1).orElse(null);
		if (expectedPrev == null) {
			return ChainVerification.broken(0, 0, start - 1, ChainBreak.DELETED);
		}
		long expectedPosition = start;
		long checked = 0;
		@Nullable AuditRecord previous = null;
		@Nullable AuditRecord beforePrevious = null;
		long cursor = start;
		while (cursor <= to) {
			List<AuditRecord> batch = rows(cursor, to, this.batchSize);
			if (batch.isEmpty()) {
				break;
			}
			for (int i = 0; i < batch.size(); i++) {
				AuditRecord row = batch.get(i);
				checked++;
				if (row.position() != expectedPosition) {
					return ChainVerification.broken(checked, 0, expectedPosition, ChainBreak.DELETED);
				}
				boolean selfValid = row.recomputedHash().equals(row.hash());
				if (!selfValid) {
					AuditRecord next = (i + 1 < batch.size()) ? batch.get(i + 1)
							: rows(row.position() + 1, to, 1).stream().findFirst().orElse(null);
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
				beforePrevious = previous;
				previous = row;
				expectedPrev = row.hash();
				expectedPosition++;
			}
			cursor = batch.get(batch.size() - 1).position() + 1;
		}
		return this.checkpoints.confirm(checked, start, Math.min(to, expectedPosition - 1));
	}

	private List<AuditRecord> rows(long from, long to, int limit) {
		return this.jdbc
			.sql("SELECT " + AuditRows.COLUMNS
					+ " FROM audit_event WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?")
			.params(from, to, limit)
			.query(AuditRows.MAPPER)
			.list();
	}

	private Optional<String> storedHash(long position) {
		return this.jdbc.sql("SELECT hash FROM audit_event WHERE position = ?")
			.param(position)
			.query(String.class)
			.optional();
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
