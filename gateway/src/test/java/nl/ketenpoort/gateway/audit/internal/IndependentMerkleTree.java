package nl.ketenpoort.gateway.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second Merkle tree, written from RFC 9162 §2.1 alone to check {@link AuditTree}
 * against: it shares no code with main (its own SHA-256, no call into the audit module)
 * and follows the RFC's recursive definitions literally, over the leaves' data.
 * <p>
 * Its verifiers do not use the RFC's iterative algorithms (§2.1.3.2, §2.1.4.2), which
 * AuditTree implements, but rebuild the roots by walking PATH and SUBPROOF's recursion
 * backwards: the last element of a proof belongs to the outermost split, so a second,
 * different algorithm has to agree with the first.
 */
final class IndependentMerkleTree {

	private IndependentMerkleTree() {
	}

	/** {@code SHA-256(0x00 || data)}, MTH({d0}). */
	static byte[] leafHash(byte[] data) {
		return sha256(new byte[] { 0x00 }, data);
	}

	/** {@code SHA-256(0x01 || left || right)}. */
	static byte[] nodeHash(byte[] left, byte[] right) {
		return sha256(new byte[] { 0x01 }, left, right);
	}

	/** MTH(D[n]) (§2.1.1). */
	static byte[] mth(List<byte[]> d) {
		int n = d.size();
		if (n == 0) {
			return sha256();
		}
		if (n == 1) {
			return leafHash(d.get(0));
		}
		int k = largestPowerOfTwoBelow(n);
		return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
	}

	/** PATH(m, D[n]) (§2.1.3.1). */
	static List<byte[]> path(int m, List<byte[]> d) {
		int n = d.size();
		if (n == 1) {
			return new ArrayList<>();
		}
		int k = largestPowerOfTwoBelow(n);
		List<byte[]> result;
		if (m < k) {
			result = path(m, d.subList(0, k));
			result.add(mth(d.subList(k, n)));
		}
		else {
			result = path(m - k, d.subList(k, n));
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (§2.1.4.1). */
	static List<byte[]> proof(int m, List<byte[]> d) {
		return subproof(m, d, true);
	}

	private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
		int n = d.size();
		if (m == n) {
			List<byte[]> result = new ArrayList<>();
			if (!b) {
				result.add(mth(d));
			}
			return result;
		}
		int k = largestPowerOfTwoBelow(n);
		List<byte[]> result;
		if (m <= k) {
			result = subproof(m, d.subList(0, k), b);
			result.add(mth(d.subList(k, n)));
		}
		else {
			result = subproof(m - k, d.subList(k, n), false);
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	/**
	 * Whether {@code proof} is PATH(m, D[n]) for a leaf of hash {@code leafHash} in a
	 * tree with {@code root}: the root rebuilt along PATH's recursion must match, and the
	 * proof must be used up exactly.
	 */
	static boolean verifyInclusion(long m, long n, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (m < 0 || m >= n || !isHash(leafHash) || !proof.stream().allMatch(IndependentMerkleTree::isHash)) {
			return false;
		}
		Remaining remaining = new Remaining(proof);
		byte[] rebuilt = rootFromPath(m, n, leafHash, remaining);
		return rebuilt != null && remaining.end == 0 && Arrays.equals(rebuilt, root);
	}

	private static byte[] rootFromPath(long m, long n, byte[] leafHash, Remaining proof) {
		if (n == 1) {
			return leafHash;
		}
		long k = largestPowerOfTwoBelow(n);
		byte[] sibling = proof.takeLast();
		if (sibling == null) {
			return null;
		}
		if (m < k) {
			byte[] left = rootFromPath(m, k, leafHash, proof);
			return (left != null) ? nodeHash(left, sibling) : null;
		}
		byte[] right = rootFromPath(m - k, n - k, leafHash, proof);
		return (right != null) ? nodeHash(sibling, right) : null;
	}

	/**
	 * Whether {@code proof} is PROOF(m, D[n]) between a tree of {@code m} leaves with
	 * {@code firstRoot} and one of {@code n} leaves with {@code secondRoot}: both roots
	 * rebuilt along SUBPROOF's recursion must match, and the proof must be used up.
	 */
	static boolean verifyConsistency(long m, long n, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (m <= 0 || n < m || !proof.stream().allMatch(IndependentMerkleTree::isHash)) {
			return false;
		}
		Remaining remaining = new Remaining(proof);
		byte[][] rebuilt = rootsFromSubproof(m, n, true, firstRoot, remaining);
		return rebuilt != null && remaining.end == 0 && Arrays.equals(rebuilt[0], firstRoot)
				&& Arrays.equals(rebuilt[1], secondRoot);
	}

	/**
	 * The hashes of D[0:m] and of D[0:n] within the subtree SUBPROOF(m, D[n], b) was
	 * taken over, or null when the proof runs short.
	 */
	private static byte[][] rootsFromSubproof(long m, long n, boolean b, byte[] firstRoot, Remaining proof) {
		if (m == n) {
			// b: the subtree is the whole first tree, whose root the verifier knows;
			// otherwise the proof carries MTH(D[m]) of this subtree
			byte[] hash = b ? firstRoot : proof.takeLast();
			return (hash != null) ? new byte[][] { hash, hash } : null;
		}
		long k = largestPowerOfTwoBelow(n);
		byte[] last = proof.takeLast();
		if (last == null) {
			return null;
		}
		if (m <= k) {
			// the first tree lies in the left half; `last` is MTH(D[k:n])
			byte[][] left = rootsFromSubproof(m, k, b, firstRoot, proof);
			return (left != null) ? new byte[][] { left[0], nodeHash(left[1], last) } : null;
		}
		// the first tree covers the left half, MTH(D[0:k]) = `last`, and part of the
		// right; with k < m < n, k is also the split of D[0:m]
		byte[][] right = rootsFromSubproof(m - k, n - k, false, firstRoot, proof);
		return (right != null) ? new byte[][] { nodeHash(last, right[0]), nodeHash(last, right[1]) } : null;
	}

	/** The largest power of two smaller than {@code n} ({@code n > 1}). */
	private static int largestPowerOfTwoBelow(int n) {
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

	private static long largestPowerOfTwoBelow(long n) {
		long k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

	/** A leaf hash or proof element is a SHA-256 value; roots are only compared. */
	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == 32;
	}

	private static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * A proof consumed from its end, as the recursion unwinds from the outermost split.
	 */
	private static final class Remaining {

		private final List<byte[]> proof;

		private int end;

		Remaining(List<byte[]> proof) {
			this.proof = proof;
			this.end = proof.size();
		}

		byte[] takeLast() {
			return (this.end > 0) ? this.proof.get(--this.end) : null;
		}

	}

}
