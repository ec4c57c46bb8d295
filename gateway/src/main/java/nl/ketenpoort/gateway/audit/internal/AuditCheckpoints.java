package nl.ketenpoort.gateway.audit.internal;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.system.FaultPoints.Point;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import nl.ketenpoort.gateway.audit.ChainBreak;
import nl.ketenpoort.gateway.audit.ChainVerification;

/**
 * Signs checkpoints of the chain head (position, head hash, count, time) every N events
 * or T seconds, and confirms them during verification: a checkpoint an outside party kept
 * proves the chain up to it, and a checkpoint beyond the last row proves the end was cut
 * off.
 */
@Component
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private static final String COLUMNS = "position, head_hash, event_count, created_at, key_id, statement, tree_root,"
			+ " note";

	private final JdbcClient jdbc;

	private final AuditSigningKeys keys;

	private final Clock clock;

	private final int every;

	private final Duration interval;

	private final FaultPoints faults;

	/** Without fault points: for the parts tests wire by hand. */
	public AuditCheckpoints(JdbcClient jdbc, AuditSigningKeys keys, Clock clock, AuditSettings settings) {
		this(jdbc, keys, clock, settings, FaultPoints.none());
	}

	@Autowired
	public AuditCheckpoints(JdbcClient jdbc, AuditSigningKeys keys, Clock clock, AuditSettings settings,
			FaultPoints faults) {
		this.faults = faults;
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
		this.every = settings.checkpointEvery();
		this.interval = settings.checkpointInterval();
	}

	/**
	 * A signed checkpoint as kept in the database and handed to outside parties.
	 *
	 * @param treeRoot the root of the audit tree of {@code position} leaves, hex; absent
	 * when the tree did not reach that far when it was signed
	 * @param note the same tree head as a C2SP signed note (tlog-checkpoint), signed with
	 * the audit-note key: what witnesses co-sign; absent where {@code treeRoot} is, and
	 * on checkpoints signed before notes were
	 */
	public record Checkpoint(long position, String headHash, long eventCount, Instant createdAt, String keyId,
			String statement, @Nullable String treeRoot, @Nullable String note) {
	}

	@Scheduled(fixedDelayString = "${ketenpoort.audit.checkpoint-check:5s}", initialDelayString = "5s")
	void checkpointIfDue() {
		try {
			createIfDue();
		}
		catch (RuntimeException ex) {
			log.warn("Audit checkpoint could not be written this round; retrying on the next", ex);
		}
	}

	/**
	 * Writes a checkpoint when enough events or enough time passed since the last one: on
	 * every interval tick the head is signed if it moved, however few events arrived.
	 */
	@Transactional
	public Optional<Checkpoint> createIfDue() {
		return checkpointHead(false);
	}

	/**
	 * Signs the current head when it moved since the last checkpoint, whatever the count
	 * or interval: every verify request calls it, so that what a privacy officer had
	 * verified cannot later be cut off the end unnoticed.
	 */
	@Transactional
	public Optional<Checkpoint> signHead() {
		return checkpointHead(true);
	}

	private Optional<Checkpoint> checkpointHead(boolean whenMoved) {
		var head = this.jdbc.sql("SELECT position, hash FROM audit_event ORDER BY position DESC LIMIT 1")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		long position = (long) head.get()[0];
		Optional<Checkpoint> last = latest();
		// A head behind the last checkpoint is a truncated chain: signing it would add
		// nothing, the checkpoint beyond it already shows the cut.
		long since = position - last.map(Checkpoint::position).orElse(0L);
		boolean due = since > 0 && (whenMoved || since >= this.every
				|| last.map((checkpoint) -> checkpoint.createdAt().plus(this.interval).isBefore(this.clock.instant()))
					.orElse(true));
		return due ? Optional.of(create(position, (String) head.get()[1])) : Optional.empty();
	}

	/** Signs a checkpoint of the current head now. */
	@Transactional
	public Checkpoint create(long position, String headHash) {
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String treeRoot = (AuditTreeNodes.size(this.jdbc) >= position) ? HexFormat.of()
			.formatHex(AuditTreeNodes.withSubtrees(this.jdbc, (tree) -> AuditTree.root(tree, position))) : null;
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("ketenpoort")
			.issueTime(Date.from(now))
			.claim("position", position)
			.claim("head_hash", headHash)
			.claim("event_count", position);
		if (treeRoot != null) {
			claims.claim("tree_root", treeRoot);
		}
		AuditSigningKeys.Statement statement = this.keys.sign(claims.build());
		String note = (treeRoot != null) ? SignedNote.sign(
				new SignedNote.Checkpoint(this.keys.origin(), position, HexFormat.of().parseHex(treeRoot)).text(),
				this.keys.noteSigner()) : null;
		this.faults.reached(Point.AUDIT_CHECKPOINT_SIGNING);
		Checkpoint checkpoint = new Checkpoint(position, headHash, position, now, statement.keyId(), statement.jws(),
				treeRoot, note);
		this.jdbc
			.sql("INSERT INTO audit_checkpoint (position, head_hash, event_count, created_at, key_id, statement,"
					+ " tree_root, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING")
			.params(position, headHash, position, Timestamp.from(now), statement.keyId(), statement.jws(), treeRoot,
					note)
			.update();
		return checkpoint;
	}

	public Optional<Checkpoint> latest() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint" + " ORDER BY position DESC LIMIT 1")
			.query(AuditCheckpoints::map)
			.optional();
	}

	public List<Checkpoint> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint" + " ORDER BY position")
			.query(AuditCheckpoints::map)
			.list();
	}

	/**
	 * The latest checkpoint when it covers {@code position} and is {@code usable} (signs
	 * a tree root, carries a note); the head is signed first when none does yet.
	 */
	public Optional<Checkpoint> covering(long position, Predicate<Checkpoint> usable) {
		Predicate<Checkpoint> covers = (checkpoint) -> usable.test(checkpoint) && checkpoint.position() >= position;
		return latest().filter(covers).or(() -> {
			signHead();
			return latest().filter(covers);
		});
	}

	/** The checkpoint at one position (tree size), if one was signed there. */
	public Optional<Checkpoint> at(long position) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint" + " WHERE position = ?")
			.param(position)
			.query(AuditCheckpoints::map)
			.optional();
	}

	/**
	 * Confirms the checkpoints in a verified range ({@code from} to {@code to}): each
	 * signature, and that the chain at each checkpoint still has the signed head hash; a
	 * checkpoint in the range but past the last position found means the end of the chain
	 * was removed. A checkpoint inside a range that retention pruned has nothing left to
	 * compare and is passed over.
	 */
	ChainVerification confirm(long checked, long from, long to, long lastPosition,
			LongFunction<Optional<String>> hashAtPosition) {
		long confirmed = 0;
		for (Checkpoint checkpoint : all()) {
			if (checkpoint.position() < from || checkpoint.position() > to) {
				continue;
			}
			if (!signed(checkpoint)) {
				log.debug("Audit checkpoint at {} has an invalid signature", checkpoint.position());
				return ChainVerification.broken(checked, confirmed, checkpoint.position(), ChainBreak.MODIFIED);
			}
			if (checkpoint.position() > lastPosition) {
				return ChainVerification.broken(checked, confirmed, lastPosition + 1, ChainBreak.DELETED);
			}
			Optional<String> hash = hashAtPosition.apply(checkpoint.position());
			if (hash.isEmpty()) {
				continue;
			}
			if (!hash.get().equals(checkpoint.headHash())) {
				return ChainVerification.broken(checked, confirmed, checkpoint.position(), ChainBreak.MODIFIED);
			}
			if (checkpoint.treeRoot() != null && !checkpoint.treeRoot().equals(treeRootAt(checkpoint.position()))) {
				// the stored tree no longer has the signed root: a rewritten leaf or node
				return ChainVerification.broken(checked, confirmed, checkpoint.position(), ChainBreak.MODIFIED);
			}
			confirmed++;
		}
		return new ChainVerification(checked, confirmed, null, null, 0);
	}

	/**
	 * The tree's root at {@code size} leaves as stored now, hex; null when it is not
	 * there.
	 */
	private @Nullable String treeRootAt(long size) {
		try {
			return HexFormat.of()
				.formatHex(AuditTreeNodes.withSubtrees(this.jdbc, (tree) -> AuditTree.root(tree, size)));
		}
		catch (AuditTree.ProofOutOfRange ex) {
			return null;
		}
	}

	/**
	 * Whether the audit key signed this checkpoint, with the position and head hash it
	 * claims, and, where it has a note, whether a note key signed that note with the same
	 * size and root.
	 */
	boolean signed(Checkpoint checkpoint) {
		if (checkpoint.note() != null && !noted(checkpoint, checkpoint.note())) {
			return false;
		}
		return this.keys.verifiedClaims(checkpoint.statement(), checkpoint.keyId()).filter((claims) -> {
			try {
				return checkpoint.headHash().equals(claims.getStringClaim("head_hash"))
						&& checkpoint.position() == claims.getLongClaim("position")
						&& java.util.Objects.equals(checkpoint.treeRoot(), claims.getStringClaim("tree_root"));
			}
			catch (ParseException ex) {
				return false;
			}
		}).isPresent();
	}

	private boolean noted(Checkpoint checkpoint, String note) {
		return this.keys.verifiedCheckpoint(note)
			.filter((noted) -> noted.size() == checkpoint.position() && checkpoint.treeRoot() != null
					&& HexFormat.of().formatHex(noted.root()).equals(checkpoint.treeRoot()))
			.isPresent();
	}

	private static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Checkpoint(rs.getLong("position"), rs.getString("head_hash"), rs.getLong("event_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("key_id"), rs.getString("statement"),
				rs.getString("tree_root"), rs.getString("note"));
	}

}
