package nl.ketenpoort.gateway.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditTree} against {@link IndependentMerkleTree}, written from RFC 9162 §2.1
 * alone: the same roots, the same proofs, each side's proofs accepted by the other's
 * verifier, and any one byte changed in a proof or a root refused by both.
 */
class AuditTreePropertyTests {

	private static final int LEAVES = 600;

	/** Leaf data of random lengths (one empty), fixed so a failure repeats. */
	private static final List<byte[]> DATA = data(new Random(25));

	private static final List<byte[]> LEAF_HASHES = DATA.stream().map(IndependentMerkleTree::leafHash).toList();

	/** More leaves than any tree asked about, as in the database. */
	private static final AuditTree.Subtrees TREE = AuditTree.of(LEAF_HASHES);

	record Leaf(int index, int size) {
	}

	record Sizes(int first, int second) {
	}

	record Flip(int element, int position, int mask) {

		byte[] applied(byte[] hash) {
			byte[] flipped = hash.clone();
			flipped[this.position % flipped.length] ^= (byte) this.mask;
			return flipped;
		}

	}

	@Provide
	Arbitrary<Leaf> leaves() {
		return Arbitraries.integers()
			.between(1, LEAVES)
			.flatMap((size) -> Arbitraries.integers().between(0, size - 1).map((index) -> new Leaf(index, size)));
	}

	@Provide
	Arbitrary<Sizes> sizes() {
		return Arbitraries.integers()
			.between(1, LEAVES)
			.flatMap((second) -> Arbitraries.integers().between(1, second).map((first) -> new Sizes(first, second)));
	}

	@Provide
	Arbitrary<Flip> flips() {
		return Combinators
			.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 31),
					Arbitraries.integers().between(1, 255))
			.as(Flip::new);
	}

	@Example
	void theLeafHashesAreTheRfcs() {
		for (byte[] data : DATA.subList(0, 50)) {
			assertThat(AuditTree.leafHash(data)).isEqualTo(IndependentMerkleTree.leafHash(data));
		}
		assertThat(AuditTree.nodeHash(LEAF_HASHES.get(0), LEAF_HASHES.get(1)))
			.isEqualTo(IndependentMerkleTree.nodeHash(LEAF_HASHES.get(0), LEAF_HASHES.get(1)));
	}

	@Example
	void theRootsOfEverySizeUpTo300Agree() {
		for (int size = 1; size <= 300; size++) {
			assertThat(AuditTree.root(TREE, size)).as("size %d", size)
				.isEqualTo(IndependentMerkleTree.mth(DATA.subList(0, size)));
		}
	}

	@Example
	void aTreeInMemoryOfExactlyItsLeavesHasTheSameRoots() {
		for (int size = 1; size <= 300; size += 7) {
			AuditTree.Subtrees own = AuditTree.of(LEAF_HASHES.subList(0, size));
			assertThat(AuditTree.root(own, size)).as("size %d", size).isEqualTo(AuditTree.root(TREE, size));
		}
	}

	@Property(tries = 400)
	void inclusionProofsAgreeAndVerifyBothWays(@ForAll("leaves") Leaf leaf) {
		// given
		byte[] root = IndependentMerkleTree.mth(DATA.subList(0, leaf.size()));
		byte[] leafHash = LEAF_HASHES.get(leaf.index());
		// when
		List<byte[]> ours = AuditTree.inclusionProof(TREE, leaf.index(), leaf.size());
		List<byte[]> theirs = IndependentMerkleTree.path(leaf.index(), DATA.subList(0, leaf.size()));
		// then
		assertThat(ours).containsExactlyElementsOf(theirs);
		assertThat(AuditTree.root(TREE, leaf.size())).isEqualTo(root);
		assertThat(AuditTree.verifyInclusion(leaf.index(), leaf.size(), leafHash, theirs, root)).isTrue();
		assertThat(IndependentMerkleTree.verifyInclusion(leaf.index(), leaf.size(), leafHash, ours, root)).isTrue();
	}

	@Property(tries = 400)
	void consistencyProofsAgreeAndVerifyBothWays(@ForAll("sizes") Sizes sizes) {
		// given
		byte[] firstRoot = IndependentMerkleTree.mth(DATA.subList(0, sizes.first()));
		byte[] secondRoot = IndependentMerkleTree.mth(DATA.subList(0, sizes.second()));
		// when
		List<byte[]> ours = AuditTree.consistencyProof(TREE, sizes.first(), sizes.second());
		List<byte[]> theirs = IndependentMerkleTree.proof(sizes.first(), DATA.subList(0, sizes.second()));
		// then
		assertThat(ours).containsExactlyElementsOf(theirs);
		assertThat(AuditTree.verifyConsistency(sizes.first(), sizes.second(), firstRoot, secondRoot, theirs)).isTrue();
		assertThat(IndependentMerkleTree.verifyConsistency(sizes.first(), sizes.second(), firstRoot, secondRoot, ours))
			.isTrue();
	}

	@Property(tries = 400)
	void oneByteChangedInAnInclusionProofItsLeafOrItsRootIsRefused(@ForAll("leaves") Leaf leaf,
			@ForAll("flips") Flip flip) {
		// given a valid proof, and one of its elements, the leaf hash or the root changed
		byte[] root = AuditTree.root(TREE, leaf.size());
		byte[] leafHash = LEAF_HASHES.get(leaf.index());
		List<byte[]> proof = new ArrayList<>(AuditTree.inclusionProof(TREE, leaf.index(), leaf.size()));
		int changed = flip.element() % (proof.size() + 2);
		if (changed < proof.size()) {
			proof.set(changed, flip.applied(proof.get(changed)));
		}
		else if (changed == proof.size()) {
			leafHash = flip.applied(leafHash);
		}
		else {
			root = flip.applied(root);
		}
		// then
		assertThat(AuditTree.verifyInclusion(leaf.index(), leaf.size(), leafHash, proof, root)).isFalse();
		assertThat(IndependentMerkleTree.verifyInclusion(leaf.index(), leaf.size(), leafHash, proof, root)).isFalse();
	}

	@Property(tries = 400)
	void oneByteChangedInAConsistencyProofOrEitherRootIsRefused(@ForAll("sizes") Sizes sizes,
			@ForAll("flips") Flip flip) {
		// given a valid proof, and one of its elements or one of the roots changed
		byte[] firstRoot = AuditTree.root(TREE, sizes.first());
		byte[] secondRoot = AuditTree.root(TREE, sizes.second());
		List<byte[]> proof = new ArrayList<>(AuditTree.consistencyProof(TREE, sizes.first(), sizes.second()));
		int changed = flip.element() % (proof.size() + 2);
		if (changed < proof.size()) {
			proof.set(changed, flip.applied(proof.get(changed)));
		}
		else if (changed == proof.size()) {
			firstRoot = flip.applied(firstRoot);
		}
		else {
			secondRoot = flip.applied(secondRoot);
		}
		// then
		assertThat(AuditTree.verifyConsistency(sizes.first(), sizes.second(), firstRoot, secondRoot, proof)).isFalse();
		assertThat(IndependentMerkleTree.verifyConsistency(sizes.first(), sizes.second(), firstRoot, secondRoot, proof))
			.isFalse();
	}

	@Property(tries = 200)
	void aProofOfOneLeafIsRefusedForAnotherPositionInTheSameTree(@ForAll("leaves") Leaf leaf, @ForAll int offset) {
		// given a valid proof presented for another leaf index of the same tree (no two
		// leaves share their data, so only the left-right turns tell them apart); another
		// size is no such check: the root alone does not name its size, a checkpoint does
		int other = Math.floorMod(leaf.index() + 1 + Math.floorMod(offset, leaf.size()), leaf.size());
		byte[] root = AuditTree.root(TREE, leaf.size());
		byte[] leafHash = LEAF_HASHES.get(leaf.index());
		List<byte[]> proof = AuditTree.inclusionProof(TREE, leaf.index(), leaf.size());
		// then
		assertThat(AuditTree.verifyInclusion(other, leaf.size(), leafHash, proof, root))
			.isEqualTo(other == leaf.index());
		assertThat(IndependentMerkleTree.verifyInclusion(other, leaf.size(), leafHash, proof, root))
			.isEqualTo(other == leaf.index());
	}

	private static List<byte[]> data(Random random) {
		List<byte[]> data = new ArrayList<>();
		data.add(new byte[0]);
		while (data.size() < LEAVES) {
			// at least 8 random bytes: two equal leaves could swap places unnoticed
			byte[] entry = new byte[8 + random.nextInt(40)];
			random.nextBytes(entry);
			data.add(entry);
		}
		return data;
	}

}
