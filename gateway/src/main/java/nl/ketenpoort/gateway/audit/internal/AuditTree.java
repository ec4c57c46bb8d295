package nl.ketenpoort.gateway.audit.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import nl.ketenpoort.keys.Digests;

/**
 * The Merkle tree over the audit chain, as RFC 9162 §2.1 defines it: leaf {@code i} is
 * the event at position {@code i + 1}, its data the 32 bytes of the event's chain hash; a
 * leaf's hash is {@code SHA-256(0x00 || data)}, an inner node's
 * {@code SHA-256(0x01 || left || right)}. Every hash it needs comes from complete,
 * aligned subtrees ({@link Subtrees}: the {@code 2^level} leaves from
 * {@code index * 2^level}), which the database keeps for ever ({@code audit_tree_node}),
 * so that a proof reads O(log n) stored hashes, also for events pruned since.
 * <p>
 * Plain functions of a {@link Subtrees}: inclusion and consistency proofs (§2.1.3.1,
 * §2.1.4.1), the root of any size, and their verification (§2.1.3.2, §2.1.4.2), which
 * needs no database.
 */
public final class AuditTree {

	private static final int HASH_LENGTH = 32;

	private AuditTree() {
	}

	/** The stored hashes of complete subtrees. */
	@FunctionalInterface
	public interface Subtrees {

		/**
		 * The hash of the complete subtree of {@code 2^level} leaves that starts at leaf
		 * {@code index * 2^level}.
		 */
		byte[] hash(int level, long index);

	}

	/** {@code SHA-256(0x00 || data)}. */
	public static byte[] leafHash(byte[] data) {
		MessageDigest digest = Digests.newSha256();
		digest.update((byte) 0x00);
		digest.update(data);
		return digest.digest();
	}

	/** {@code SHA-256(0x01 || left || right)}. */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest digest = Digests.newSha256();
		digest.update((byte) 0x01);
		digest.update(left);
		digest.update(right);
		return digest.digest();
	}

	/** The root of the tree of the first {@code size} leaves ({@code size > 0}). */
	public static byte[] root(Subtrees tree, long size) {
		requireSize(size);
		return range(tree, 0, size);
	}

	/**
	 * The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162
	 * §2.1.3.1, PATH), nearest sibling first.
	 */
	public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
		requireSize(size);
		if (index < 0 || index >= size) {
			throw new ProofOutOfRange("leaf " + index + " is not in a tree of " + size);
		}
		List<byte[]> proof = new ArrayList<>();
		path(tree, index, 0, size, proof);
		return proof;
	}

	/**
	 * The consistency proof between the trees of {@code first} and {@code second} leaves
	 * (RFC 9162 §2.1.4.1, PROOF), empty when they are equal.
	 */
	public static List<byte[]> consistencyProof(Subtrees tree, long first, long second) {
		requireSize(first);
		if (second < first) {
			throw new ProofOutOfRange("a tree of " + second + " cannot extend one of " + first);
		}
		List<byte[]> proof = new ArrayList<>();
		if (first < second) {
			subproof(tree, first, 0, second, true, proof);
		}
		return proof;
	}

	/**
	 * Whether {@code proof} shows leaf {@code index}, of hash {@code leafHash}, in the
	 * tree of {@code size} leaves with {@code root} (RFC 9162 §2.1.3.2).
	 */
	public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size || leafHash.length != HASH_LENGTH) {
			// a leaf hash of another length is no SHA-256 value; in a tree of one leaf
			// it would otherwise "verify" against a root equally malformed
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, root);
	}

	/**
	 * Whether {@code proof} shows the tree of {@code second} leaves with
	 * {@code secondRoot} to extend the tree of {@code first} leaves with
	 * {@code firstRoot} (RFC 9162 §2.1.4.2).
	 */
	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (first <= 0 || second < first) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			// first is a power of two: the proof leaves out its root, which is a node of
			// the
			// second tree
			path.add(0, firstRoot);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
	}

	/** MTH of leaves {@code [begin, end)}, from complete aligned subtrees. */
	static byte[] range(Subtrees tree, long begin, long end) {
		long size = end - begin;
		if (Long.bitCount(size) == 1 && begin % size == 0) {
			int level = Long.numberOfTrailingZeros(size);
			return tree.hash(level, begin >> level);
		}
		long k = split(size);
		return nodeHash(range(tree, begin, begin + k), range(tree, begin + k, end));
	}

	/** PATH(m, D[begin:end]). */
	private static void path(Subtrees tree, long m, long begin, long end, List<byte[]> proof) {
		long size = end - begin;
		if (size == 1) {
			return;
		}
		long k = split(size);
		if (m - begin < k) {
			path(tree, m, begin, begin + k, proof);
			proof.add(range(tree, begin + k, end));
		}
		else {
			path(tree, m, begin + k, end, proof);
			proof.add(range(tree, begin, begin + k));
		}
	}

	/** SUBPROOF(m, D[begin:end], b). */
	private static void subproof(Subtrees tree, long m, long begin, long end, boolean whole, List<byte[]> proof) {
		long size = end - begin;
		if (m == size) {
			if (!whole) {
				proof.add(range(tree, begin, end));
			}
			return;
		}
		long k = split(size);
		if (m <= k) {
			subproof(tree, m, begin, begin + k, whole, proof);
			proof.add(range(tree, begin + k, end));
		}
		else {
			subproof(tree, m - k, begin + k, end, false, proof);
			proof.add(range(tree, begin, begin + k));
		}
	}

	/** The largest power of two smaller than {@code size} ({@code size > 1}). */
	private static long split(long size) {
		return Long.highestOneBit(size - 1);
	}

	private static void requireSize(long size) {
		if (size <= 0) {
			throw new ProofOutOfRange("a tree needs at least one leaf, not " + size);
		}
	}

	/** A tree in memory, for leaves the caller holds (tests, an offline verifier). */
	public static Subtrees of(List<byte[]> leafHashes) {
		List<byte[]> leaves = List.copyOf(leafHashes);
		return (level, index) -> {
			long begin = index << level;
			long end = begin + (1L << level);
			if (end > leaves.size()) {
				throw new ProofOutOfRange("no complete subtree at level " + level + " index " + index);
			}
			return inMemory(leaves, begin, end);
		};
	}

	private static byte[] inMemory(List<byte[]> leaves, long begin, long end) {
		if (end - begin == 1) {
			return leaves.get((int) begin);
		}
		long middle = begin + (end - begin) / 2;
		return nodeHash(inMemory(leaves, begin, middle), inMemory(leaves, middle, end));
	}

	/** A proof asked for a tree or a leaf it cannot be about. */
	public static final class ProofOutOfRange extends RuntimeException {

		ProofOutOfRange(String message) {
			super(message);
		}

	}

}
