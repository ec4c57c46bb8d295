package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditTree} (and the test tree's {@link IndependentMerkleTree}) against the test
 * vectors of transparency-dev/merkle ({@code src/test/resources/merkle}, with their
 * source and licence): every inclusion and consistency probe verifies or is refused as
 * upstream says, and roots and proofs generated over the RFC 6962 reference leaves are
 * upstream's.
 */
class AuditTreeVectorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	private static final Pattern HD = Pattern.compile("hd\\(\"([0-9a-f]*)\"\\)");

	record InclusionProbe(String file, long leafIdx, long treeSize, byte[] root, byte[] leafHash, List<byte[]> proof,
			boolean wantErr) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	record ConsistencyProbe(String file, long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof,
			boolean wantErr) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inclusionProbes")
	void inclusionProbesVerifyExactlyWhenUpstreamSaysSo(InclusionProbe probe) {
		// when
		boolean verified = AuditTree.verifyInclusion(probe.leafIdx(), probe.treeSize(), probe.leafHash(), probe.proof(),
				probe.root());
		boolean independently = IndependentMerkleTree.verifyInclusion(probe.leafIdx(), probe.treeSize(),
				probe.leafHash(), probe.proof(), probe.root());
		// then
		assertThat(verified).as("AuditTree").isEqualTo(!probe.wantErr());
		assertThat(independently).as("IndependentMerkleTree").isEqualTo(!probe.wantErr());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("consistencyProbes")
	void consistencyProbesVerifyExactlyWhenUpstreamSaysSo(ConsistencyProbe probe) {
		// when
		boolean verified = AuditTree.verifyConsistency(probe.size1(), probe.size2(), probe.root1(), probe.root2(),
				probe.proof());
		boolean independently = IndependentMerkleTree.verifyConsistency(probe.size1(), probe.size2(), probe.root1(),
				probe.root2(), probe.proof());
		// then
		assertThat(verified).as("AuditTree").isEqualTo(!probe.wantErr());
		assertThat(independently).as("IndependentMerkleTree").isEqualTo(!probe.wantErr());
	}

	@Test
	void theProbesAreAllThere() throws IOException {
		// a resource directory that went missing would make the tests above vacuous
		assertThat(inclusionProbes()).hasSize(98).filteredOn((probe) -> !probe.wantErr()).hasSize(6);
		assertThat(consistencyProbes()).hasSize(98).filteredOn((probe) -> !probe.wantErr()).hasSize(6);
	}

	@Test
	void leafAndSubtreeHashesAndRootsOfTheReferenceLeavesAreUpstreams() throws IOException {
		// given
		List<byte[]> leaves = referenceLeaves();
		List<List<byte[]>> nodes = referenceNodeHashes();
		List<byte[]> roots = referenceRoots();
		AuditTree.Subtrees tree = AuditTree.of(leaves.stream().map(AuditTree::leafHash).toList());
		// then: every complete subtree
		assertThat(nodes).hasSize(4);
		for (int level = 0; level < nodes.size(); level++) {
			assertThat(nodes.get(level)).hasSize(8 >> level);
			for (int index = 0; index < nodes.get(level).size(); index++) {
				assertThat(tree.hash(level, index)).as("level %d index %d", level, index)
					.isEqualTo(nodes.get(level).get(index));
			}
		}
		// and: the root of every size
		assertThat(roots).hasSize(9);
		for (int size = 1; size <= 8; size++) {
			assertThat(AuditTree.root(tree, size)).as("size %d", size).isEqualTo(roots.get(size));
			assertThat(IndependentMerkleTree.mth(leaves.subList(0, size))).as("size %d", size)
				.isEqualTo(roots.get(size));
		}
		// the empty tree's root, which AuditTree has no use for, is SHA-256 of nothing
		assertThat(IndependentMerkleTree.mth(List.of())).isEqualTo(roots.get(0));
	}

	@Test
	void inclusionProofsOfTheHappyPathsAreGeneratedAsUpstreams() throws IOException {
		// given
		AuditTree.Subtrees tree = AuditTree.of(referenceLeaves().stream().map(AuditTree::leafHash).toList());
		List<InclusionProbe> happy = inclusionProbes().stream()
			.filter((probe) -> probe.file().matches("\\d/happy-path\\.json"))
			.toList();
		assertThat(happy).hasSize(5);
		for (InclusionProbe probe : happy) {
			// when
			List<byte[]> proof = AuditTree.inclusionProof(tree, probe.leafIdx(), probe.treeSize());
			// then
			assertThat(tree.hash(0, probe.leafIdx())).as(probe.file()).isEqualTo(probe.leafHash());
			assertThat(AuditTree.root(tree, probe.treeSize())).as(probe.file()).isEqualTo(probe.root());
			assertThat(proof).as(probe.file()).containsExactlyElementsOf(probe.proof());
		}
	}

	@Test
	void consistencyProofsOfTheHappyPathsAreGeneratedAsUpstreams() throws IOException {
		// given
		AuditTree.Subtrees tree = AuditTree.of(referenceLeaves().stream().map(AuditTree::leafHash).toList());
		List<ConsistencyProbe> happy = consistencyProbes().stream()
			.filter((probe) -> probe.file().matches("\\d/happy-path\\.json"))
			.toList();
		assertThat(happy).hasSize(5);
		for (ConsistencyProbe probe : happy) {
			// when
			List<byte[]> proof = AuditTree.consistencyProof(tree, probe.size1(), probe.size2());
			// then
			assertThat(AuditTree.root(tree, probe.size1())).as(probe.file()).isEqualTo(probe.root1());
			assertThat(AuditTree.root(tree, probe.size2())).as(probe.file()).isEqualTo(probe.root2());
			assertThat(proof).as(probe.file()).containsExactlyElementsOf(probe.proof());
		}
	}

	@Test
	void theHashOfEveryValidSubtreeOfUpTo130LeavesIsUpstreams() throws IOException {
		// given upstream's TestSubtreeHashVectors: leaves 0x00, 0x01, …, and a running
		// SHA-256 over "[start, end) hex\n" of every valid subtree (start a multiple of
		// the smallest power of two not below end - start)
		String vectors = read("testonly/vectors_test.go");
		Matcher want = Pattern.compile("func TestSubtreeHashVectors[\\s\\S]*?const want = \"([0-9a-f]{64})\"")
			.matcher(vectors);
		assertThat(want.find()).isTrue();
		List<byte[]> leafHashes = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			leafHashes.add(AuditTree.leafHash(new byte[] { (byte) i }));
		}
		AuditTree.Subtrees tree = AuditTree.of(leafHashes);
		MessageDigest running = sha256();
		// when
		for (long end = 0; end <= 130; end++) {
			for (long start = 0; start <= end; start++) {
				if (!isValidSubtree(start, end)) {
					continue;
				}
				byte[] hash = (start == end) ? sha256().digest() : AuditTree.range(tree, start, end);
				running.update(("[" + start + ", " + end + ") " + HEX.formatHex(hash) + "\n")
					.getBytes(StandardCharsets.US_ASCII));
			}
		}
		// then
		assertThat(HEX.formatHex(running.digest())).isEqualTo(want.group(1));
	}

	/** Upstream's isSubtreeValid. */
	private static boolean isValidSubtree(long start, long end) {
		if (start == 0 || start == end) {
			return true;
		}
		long length = end - start;
		long alignment = Long.highestOneBit(length);
		if (alignment < length) {
			alignment <<= 1;
		}
		return start % alignment == 0;
	}

	static List<InclusionProbe> inclusionProbes() throws IOException {
		List<InclusionProbe> probes = new ArrayList<>();
		for (Path file : jsonFiles("testdata/inclusion")) {
			JsonNode probe = JSON.readTree(Files.readAllBytes(file));
			probes.add(new InclusionProbe(name(file, "testdata/inclusion"), uint64(probe.get("leafIdx")),
					uint64(probe.get("treeSize")), bytes(probe.get("root")), bytes(probe.get("leafHash")),
					hashes(probe.get("proof")), probe.get("wantErr").asBoolean()));
		}
		return probes;
	}

	static List<ConsistencyProbe> consistencyProbes() throws IOException {
		List<ConsistencyProbe> probes = new ArrayList<>();
		for (Path file : jsonFiles("testdata/consistency")) {
			JsonNode probe = JSON.readTree(Files.readAllBytes(file));
			probes.add(new ConsistencyProbe(name(file, "testdata/consistency"), uint64(probe.get("size1")),
					uint64(probe.get("size2")), bytes(probe.get("root1")), bytes(probe.get("root2")),
					hashes(probe.get("proof")), probe.get("wantErr").asBoolean()));
		}
		return probes;
	}

	/** LeafInputs() of upstream's constants.go. */
	static List<byte[]> referenceLeaves() throws IOException {
		return hexValues(function("LeafInputs"));
	}

	/** NodeHashes() of upstream's constants.go, by level. */
	private static List<List<byte[]>> referenceNodeHashes() throws IOException {
		return Stream.of(function("NodeHashes").split("\\}, \\{")).map(AuditTreeVectorsTests::hexValues).toList();
	}

	/** RootHashes() of upstream's constants.go, by size, from the empty tree's. */
	private static List<byte[]> referenceRoots() throws IOException {
		List<byte[]> roots = new ArrayList<>(hexValues(function("EmptyRootHash")));
		roots.addAll(hexValues(function("RootHashes")));
		return roots;
	}

	private static String function(String name) throws IOException {
		String source = read("testonly/constants.go");
		int start = source.indexOf("func " + name + "()");
		assertThat(start).as(name).isNotNegative();
		return source.substring(start, source.indexOf("\n}\n", start));
	}

	private static List<byte[]> hexValues(String text) {
		List<byte[]> values = new ArrayList<>();
		Matcher matcher = HD.matcher(text);
		while (matcher.find()) {
			values.add(HEX.parseHex(matcher.group(1)));
		}
		return values;
	}

	private static List<Path> jsonFiles(String directory) throws IOException {
		try (Stream<Path> files = Files.walk(resource(directory))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static String name(Path file, String directory) {
		return resource(directory).relativize(file).toString().replace('\\', '/');
	}

	private static Path resource(String name) {
		URL url = AuditTreeVectorsTests.class.getResource("/merkle/" + name);
		assertThat(url).as(name).isNotNull();
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String read(String name) throws IOException {
		try (InputStream in = AuditTreeVectorsTests.class.getResourceAsStream("/merkle/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Upstream's uint64, with the same 64 bits in a long: its "leafIdx 0 minus 1" (2^64 -
	 * 1) becomes -1, the same mangling in Java's arithmetic.
	 */
	private static long uint64(JsonNode number) {
		return number.bigIntegerValue().longValue();
	}

	private static byte[] bytes(JsonNode base64) {
		return Base64.getDecoder().decode(base64.asString());
	}

	private static List<byte[]> hashes(JsonNode proof) {
		List<byte[]> hashes = new ArrayList<>();
		if (proof != null && !proof.isNull()) {
			proof.forEach((element) -> hashes.add(bytes(element)));
		}
		return hashes;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

}
