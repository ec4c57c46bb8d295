package nl.ketenpoort.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.keys.Digests;
import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.PrunedRange;

/**
 * The pruned ranges of the audit chain and the signed statements that cover them: signs a
 * statement when retention prunes, and confirms during verification that every range is
 * exactly what a statement signed.
 */
@Component
public class PrunedRanges {

	private static final int PAGE = 10_000;

	private static final String PRUNING_COLUMNS = "pruning_id, pruned_at, anchor_position, anchor_hash,"
			+ " event_count, range_count, ranges_sha256, key_id, statement";

	private static final String RANGE_COLUMNS = "first_position, last_position, prev_hash, hash, pruning_id";

	private final JdbcClient jdbc;

	private final AuditSigningKeys keys;

	PrunedRanges(JdbcClient jdbc, AuditSigningKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/**
	 * A signed pruning statement as kept in the database and handed to outside parties.
	 */
	public record Pruning(UUID pruningId, Instant prunedAt, long anchorPosition, String anchorHash, long eventCount,
			long rangeCount, String rangesSha256, String keyId, String statement) {
	}

	/** The range that holds this position, if it was pruned. */
	public Optional<PrunedRange> containing(long position) {
		return this.jdbc
			.sql("SELECT " + RANGE_COLUMNS
					+ " FROM audit_pruned_range WHERE first_position <= ? ORDER BY first_position DESC LIMIT 1")
			.param(position)
			.query(PrunedRanges::map)
			.optional()
			.filter((range) -> range.contains(position));
	}

	/** Ranges that start between the two positions, both included, in chain order. */
	public List<PrunedRange> startingBetween(long from, long to) {
		return this.jdbc.sql("SELECT " + RANGE_COLUMNS
				+ " FROM audit_pruned_range WHERE first_position >= ? AND first_position <= ? ORDER BY first_position")
			.params(from, to)
			.query(PrunedRanges::map)
			.list();
	}

	/** How many prunings there have been. */
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM audit_pruning").query(Long.class).single();
	}

	/** Every pruning so far, oldest first. */
	public List<Pruning> prunings() {
		return this.jdbc.sql("SELECT " + PRUNING_COLUMNS + " FROM audit_pruning ORDER BY pruned_at")
			.query(PrunedRanges::mapPruning)
			.list();
	}

	private Optional<Pruning> pruning(UUID pruningId) {
		return this.jdbc.sql("SELECT " + PRUNING_COLUMNS + " FROM audit_pruning WHERE pruning_id = ?")
			.param(pruningId)
			.query(PrunedRanges::mapPruning)
			.optional();
	}

	/**
	 * Whether the pruning statement is signed by the audit key and signs exactly the
	 * ranges stored under its id.
	 */
	public boolean confirmed(UUID pruningId) {
		Optional<Pruning> stored = pruning(pruningId);
		if (stored.isEmpty()) {
			return false;
		}
		Pruning pruning = stored.get();
		RangeDigest digest = new RangeDigest();
		long after = Long.MIN_VALUE;
		while (true) {
			List<PrunedRange> page = this.jdbc
				.sql("SELECT " + RANGE_COLUMNS + " FROM audit_pruned_range WHERE pruning_id = ? AND first_position > ?"
						+ " ORDER BY first_position LIMIT ?")
				.params(pruningId, after, PAGE)
				.query(PrunedRanges::map)
				.list();
			page.forEach(digest::add);
			if (page.size() < PAGE) {
				break;
			}
			after = page.get(page.size() - 1).firstPosition();
		}
		return this.keys.verifiedClaims(pruning.statement(), pruning.keyId()).filter((claims) -> {
			try {
				return pruningId.toString().equals(claims.getJWTID())
						&& claims.getLongClaim("range_count") == digest.ranges()
						&& claims.getLongClaim("event_count") == digest.events()
						&& digest.hex().equals(claims.getStringClaim("ranges_sha256"));
			}
			catch (ParseException | RuntimeException ex) {
				return false;
			}
		}).isPresent();
	}

	/**
	 * Signs the statement of one pruning: how many events in how many ranges left the
	 * chain (and the SHA-256 over those ranges), from which signed anchor, under which
	 * retention periods.
	 */
	public Pruning sign(UUID pruningId, Instant prunedAt, AuditCheckpoints.Checkpoint anchor, RangeDigest ranges,
			Map<String, String> retention) {
		String digest = ranges.hex();
		AuditSigningKeys.Statement statement = this.keys.sign(new JWTClaimsSet.Builder().issuer("ketenpoort")
			.jwtID(pruningId.toString())
			.issueTime(Date.from(prunedAt))
			.claim("anchor_position", anchor.position())
			.claim("anchor_hash", anchor.headHash())
			.claim("event_count", ranges.events())
			.claim("range_count", ranges.ranges())
			.claim("ranges_sha256", digest)
			.claim("retention", retention)
			.build());
		return new Pruning(pruningId, prunedAt, anchor.position(), anchor.headHash(), ranges.events(), ranges.ranges(),
				digest, statement.keyId(), statement.jws());
	}

	/**
	 * SHA-256 over one line {@code first:last:prev_hash:hash} per range, in chain order.
	 */
	static String digest(List<PrunedRange> ranges) {
		RangeDigest digest = new RangeDigest();
		ranges.forEach(digest::add);
		return digest.hex();
	}

	/** The digest of ranges as they are added in chain order, with their counts. */
	public static final class RangeDigest {

		private final MessageDigest sha256;

		private long events;

		private long ranges;

		public RangeDigest() {
			this.sha256 = Digests.newSha256();
		}

		public void add(PrunedRange range) {
			this.sha256.update((range.firstPosition() + ":" + range.lastPosition() + ":" + range.prevHash() + ":"
					+ range.hash() + "\n")
				.getBytes(StandardCharsets.US_ASCII));
			this.events += range.eventCount();
			this.ranges++;
		}

		long events() {
			return this.events;
		}

		public long ranges() {
			return this.ranges;
		}

		/** The digest in hex; call once, after the last range. */
		String hex() {
			return HexFormat.of().formatHex(this.sha256.digest());
		}

	}

	private static Pruning mapPruning(ResultSet rs, int row) throws SQLException {
		return new Pruning(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getString(4),
				rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

	private static PrunedRange map(ResultSet rs, int row) throws SQLException {
		return new PrunedRange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class));
	}

}
