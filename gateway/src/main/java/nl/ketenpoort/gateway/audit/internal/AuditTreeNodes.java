package nl.ketenpoort.gateway.audit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored subtrees of the audit tree ({@code audit_tree_node}, V3_141): the chainer
 * extends them in each batch's transaction, proofs read them. PostgreSQL hashes the nodes
 * with its own {@code sha256}, exactly as {@link AuditTree} does, which the tests check
 * against RFC 9162's vectors and an independent implementation.
 */
public final class AuditTreeNodes {

	/**
	 * Leaves added per call at most, so that an older chain catches up batch by batch.
	 */
	static final int CATCH_UP = 20_000;

	private AuditTreeNodes() {
	}

	/** How many leaves the tree has: the events it covers, from position 1. */
	public static long size(JdbcClient jdbc) {
		return jdbc.sql("SELECT coalesce(max(idx) + 1, 0) FROM audit_tree_node WHERE level = 0")
			.query(Long.class)
			.single();
	}

	/**
	 * Adds the leaves of the chained events after the tree's last leaf, at most
	 * {@code limit}, and the subtrees they complete. Call it in the transaction that
	 * chained them, under the chain lock. A range pruned before the tree reached it stops
	 * the tree there: its events are gone, so are their leaves.
	 * @return how many leaves were added
	 */
	public static int extend(JdbcClient jdbc, int limit) {
		long size = size(jdbc);
		int added = jdbc
			.sql("INSERT INTO audit_tree_node (level, idx, hash) SELECT 0, position - 1,"
					+ " sha256('\\x00'::bytea || decode(hash, 'hex')) FROM audit_event"
					+ " WHERE position > ? AND position <= ? AND position < (SELECT coalesce(min(first_position),"
					+ " 9223372036854775807) FROM audit_pruned_range WHERE last_position > ?) ORDER BY position")
			.params(size, size + limit, size)
			.update();
		// each level's new nodes complete at most the parents above them
		long first = size;
		for (int level = 0; added > 0 && level < 62; level++) {
			long lowestPair = first - (first % 2);
			int parents = jdbc
				.sql("INSERT INTO audit_tree_node (level, idx, hash) SELECT a.level + 1, a.idx / 2,"
						+ " sha256('\\x01'::bytea || a.hash || b.hash) FROM audit_tree_node a"
						+ " JOIN audit_tree_node b ON b.level = a.level AND b.idx = a.idx + 1"
						+ " WHERE a.level = ? AND a.idx % 2 = 0 AND a.idx >= ? ON CONFLICT DO NOTHING")
				.params(level, lowestPair)
				.update();
			if (parents == 0) {
				break;
			}
			first = lowestPair / 2;
		}
		return added;
	}

	/**
	 * The first position, from {@code from} to {@code to}, where the stored tree does not
	 * follow from the chain: a leaf that is not the hash of its event, or an inner node
	 * (reported at its first leaf) that is not the hash of its two children. With the
	 * roots the checkpoints sign, this covers every stored node.
	 */
	public static java.util.OptionalLong firstMismatch(JdbcClient jdbc, long from, long to) {
		long leaf = jdbc
			.sql("SELECT coalesce(min(e.position), 0) FROM audit_event e JOIN audit_tree_node n ON n.level = 0"
					+ " AND n.idx = e.position - 1 WHERE e.position BETWEEN ? AND ?"
					+ " AND n.hash <> sha256('\\x00'::bytea || decode(e.hash, 'hex'))")
			.params(from, to)
			.query(Long.class)
			.single();
		long node = jdbc
			.sql("SELECT coalesce(min((p.idx << p.level) + 1), 0) FROM audit_tree_node p"
					+ " JOIN audit_tree_node a ON a.level = p.level - 1 AND a.idx = 2 * p.idx"
					+ " JOIN audit_tree_node b ON b.level = p.level - 1 AND b.idx = 2 * p.idx + 1"
					+ " WHERE p.level > 0 AND ((p.idx + 1) << p.level) > ? AND (p.idx << p.level) < ?"
					+ " AND p.hash <> sha256('\\x01'::bytea || a.hash || b.hash)")
			.params(from - 1, to)
			.query(Long.class)
			.single();
		// 0: none found (positions start at 1). A rewritten leaf also breaks the nodes
		// above it: the leaf names the event.
		if (leaf != 0) {
			return java.util.OptionalLong.of(leaf);
		}
		return (node != 0) ? java.util.OptionalLong.of(node) : java.util.OptionalLong.empty();
	}

	/**
	 * Runs a proof over the stored subtrees, reading every hash it needs in one query:
	 * which subtrees a proof needs depends on the sizes only, not on the hashes.
	 */
	public static <T> T withSubtrees(JdbcClient jdbc, Function<AuditTree.Subtrees, T> proof) {
		Set<Long> wanted = new LinkedHashSet<>();
		byte[] placeholder = new byte[32];
		proof.apply((level, index) -> {
			wanted.add(key(level, index));
			return placeholder;
		});
		Map<Long, byte[]> hashes = new HashMap<>();
		if (!wanted.isEmpty()) {
			List<Integer> levels = new ArrayList<>();
			List<Long> indexes = new ArrayList<>();
			for (long key : wanted) {
				levels.add((int) (key >>> 56));
				indexes.add(key & 0x00FF_FFFF_FFFF_FFFFL);
			}
			jdbc.sql("SELECT n.level, n.idx, n.hash FROM audit_tree_node n"
					+ " JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, idx) ON n.level = w.level AND n.idx = w.idx")
				.params(levels.toArray(Integer[]::new), indexes.toArray(Long[]::new))
				.query((rs) -> {
					hashes.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
				});
		}
		return proof.apply((level, index) -> {
			byte[] hash = hashes.get(key(level, index));
			if (hash == null) {
				throw new AuditTree.ProofOutOfRange("the audit tree has no subtree at level " + level + " index "
						+ index + " (not built that far yet)");
			}
			return hash;
		});
	}

	private static long key(int level, long index) {
		return ((long) level << 56) | index;
	}

}
