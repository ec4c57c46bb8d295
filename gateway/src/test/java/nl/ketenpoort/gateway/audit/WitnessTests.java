package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.audit.internal.Cosignature;
import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.gateway.audit.internal.Witness;
import nl.ketenpoort.gateway.audit.internal.WitnessState;
import nl.ketenpoort.keys.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The witness's add-checkpoint as C2SP tlog-witness defines it: what it co-signs, what it
 * remembers on disk, and each refusal with its status, on trees of hashes in memory.
 */
class WitnessTests {

	private static final String ORIGIN = "ketenpoort.example/audit";

	private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

	private static final SignedNote.Signer LOG = CosignatureTests.signer(ORIGIN);

	private static final SignedNote.Signer WITNESS = CosignatureTests.signer("witness.example/w1");

	private final List<byte[]> leaves = leaves("history", 40);

	@TempDir
	Path directory;

	@Test
	void theFirstCheckpointIsCosignedAndRememberedBeforeTheAnswer() {
		// given
		WitnessState state = WitnessState.open(this.directory);
		Witness witness = witness(state);

		// when
		Witness.Response response = witness.addCheckpoint(body(0, List.of(), checkpoint(5)));

		// then
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		SignedNote.Note cosigned = SignedNote.parse(checkpoint(5) + response.body());
		assertThat(Cosignature.check(cosigned, witness.verifierKey()))
			.isEqualTo(new Cosignature.Result(Cosignature.Status.VALID, NOW));
		assertThat(state.latest(ORIGIN)).hasValueSatisfying((latest) -> {
			assertThat(latest.size()).isEqualTo(5);
			assertThat(latest.root()).isEqualTo(root(this.leaves, 5));
		});
		assertThat(this.directory.resolve(Digests.sha256Hex(ORIGIN))).isRegularFile();
	}

	@Test
	void aCheckpointThatExtendsTheLastByAProofIsCosigned() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));
		assertThat(witness.addCheckpoint(body(0, List.of(), checkpoint(5))).status()).isEqualTo(200);

		// when
		Witness.Response response = witness.addCheckpoint(body(5, proof(this.leaves, 5, 13), checkpoint(13)));

		// then
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(WitnessState.open(this.directory).latest(ORIGIN).orElseThrow().size()).isEqualTo(13);
		// the same checkpoint again is co-signed again
		assertThat(witness.addCheckpoint(body(13, List.of(), checkpoint(13))).status()).isEqualTo(200);
	}

	@Test
	void anOldSizeThatIsNotTheLastCosignedIsAConflictWithThatSize() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));

		// when
		Witness.Response never = witness.addCheckpoint(body(3, proof(this.leaves, 3, 5), checkpoint(5)));
		witness.addCheckpoint(body(0, List.of(), checkpoint(5)));
		Witness.Response stale = witness.addCheckpoint(body(0, List.of(), checkpoint(8)));

		// then
		assertThat(never).isEqualTo(new Witness.Response(409, "text/x.tlog.size", "0\n"));
		assertThat(stale).isEqualTo(new Witness.Response(409, "text/x.tlog.size", "5\n"));
	}

	@Test
	void whileTheLogRotatesBothItsKeysAreKnownAndAForgedLineOfEitherRefuses() {
		// given: a witness that knows the log's old and new key
		SignedNote.Signer rotated = CosignatureTests.signer(ORIGIN);
		Witness witness = new Witness(
				(origin) -> ORIGIN.equals(origin) ? List.of(LOG.verifierKey(), rotated.verifierKey()) : List.of(),
				WITNESS, WitnessState.open(this.directory), clock());

		// when: a checkpoint under the old key, then one under the new key
		Witness.Response old = witness.addCheckpoint(body(0, List.of(), checkpoint(5)));
		String underTheNewKey = SignedNote.sign(new SignedNote.Checkpoint(ORIGIN, 13, root(this.leaves, 13)).text(),
				rotated);
		Witness.Response next = witness.addCheckpoint(body(5, proof(this.leaves, 5, 13), underTheNewKey));
		// and one signed by the new key with a broken line under the old one
		SignedNote.Note good = SignedNote.parse(underTheNewKey);
		SignedNote.Note oldLine = SignedNote.parse(checkpoint(13));
		SignedNote.Line broken = new SignedNote.Line(oldLine.signatures().get(0).keyName(),
				oldLine.signatures().get(0).keyId(), new byte[64]);
		List<SignedNote.Line> lines = new ArrayList<>(good.signatures());
		lines.add(broken);
		Witness.Response forged = witness
			.addCheckpoint(body(13, List.of(), new SignedNote.Note(good.text(), lines).encoded()));

		// then
		assertThat(old.status()).as(old.body()).isEqualTo(200);
		assertThat(next.status()).as(next.body()).isEqualTo(200);
		assertThat(forged.status()).as(forged.body()).isEqualTo(403);
	}

	@Test
	void anUnknownOriginIsNotFound() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));
		SignedNote.Signer other = CosignatureTests.signer("other.example/log");
		String note = SignedNote.sign(new SignedNote.Checkpoint("other.example/log", 5, root(this.leaves, 5)).text(),
				other);

		// when
		Witness.Response response = witness.addCheckpoint(body(0, List.of(), note));

		// then
		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void aCheckpointWithoutAValidSignatureOfTheLogIsForbidden() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));
		String text = new SignedNote.Checkpoint(ORIGIN, 5, root(this.leaves, 5)).text();
		String byAnotherKey = SignedNote.sign(text, CosignatureTests.signer("someone.example/else"));
		SignedNote.Note genuine = SignedNote.parse(SignedNote.sign(text, LOG));
		SignedNote.Line line = genuine.signatures().get(0);
		byte[] flipped = line.signature().clone();
		flipped[0] ^= 1;
		String forged = new SignedNote.Note(text, List.of(new SignedNote.Line(line.keyName(), line.keyId(), flipped)))
			.encoded();
		// a forged line of the log's key refuses the note even beside a genuine one
		String forgedBesideGenuine = new SignedNote.Note(text,
				List.of(line, new SignedNote.Line(line.keyName(), line.keyId(), flipped)))
			.encoded();

		for (String note : List.of(byAnotherKey, forged, forgedBesideGenuine)) {
			// when
			Witness.Response response = witness.addCheckpoint(body(0, List.of(), note));

			// then
			assertThat(response.status()).isEqualTo(403);
		}
		assertThat(WitnessState.open(this.directory).latest(ORIGIN)).isEmpty();
	}

	@Test
	void malformedRequestsAreBadRequests() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));
		String note = checkpoint(5);
		String hash = Base64.getEncoder().encodeToString(Digests.sha256("x"));
		List<byte[]> tooLong = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			tooLong.add(Digests.sha256("p" + i));
		}

		for (byte[] body : List.of("".getBytes(StandardCharsets.UTF_8), bytes("old 05\n\n" + note),
				bytes("old -1\n\n" + note), bytes("old 0\n" + note), bytes("old 0 \n\n" + note),
				bytes("old 0\n" + hash.substring(4) + "\n\n" + note), bytes("old 0\n\n" + "not a note\n"),
				body(0, tooLong, note), new byte[] { 'o', 'l', 'd', ' ', '0', '\n', '\n', (byte) 0xff },
				// an old size above the checkpoint's
				body(6, List.of(), note))) {
			// when
			Witness.Response response = witness.addCheckpoint(body);

			// then
			assertThat(response.status()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
		}
		assertThat(WitnessState.open(this.directory).latest(ORIGIN)).isEmpty();
	}

	@Test
	void anotherRootAtTheCosignedSizeIsASplitViewAndChangesNothing() {
		// given
		WitnessState state = WitnessState.open(this.directory);
		Witness witness = witness(state);
		witness.addCheckpoint(body(0, List.of(), checkpoint(5)));
		String otherView = checkpoint(leaves("another view", 5), 5);

		// when
		Witness.Response response = witness.addCheckpoint(body(5, List.of(), otherView));

		// then: tlog-witness (2026-07) answers another root at the same size with 422
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("split view");
		assertThat(state.latest(ORIGIN).orElseThrow().root()).isEqualTo(root(this.leaves, 5));
	}

	@Test
	void aRewrittenHistoryWhoseProofDoesNotLinkIsUnprocessable() {
		// given: co-signed at 5; the log then shows 13 leaves whose first 5 differ
		WitnessState state = WitnessState.open(this.directory);
		Witness witness = witness(state);
		witness.addCheckpoint(body(0, List.of(), checkpoint(5)));
		List<byte[]> rewritten = leaves("rewritten", 13);

		// when
		Witness.Response ownProof = witness.addCheckpoint(body(5, proof(rewritten, 5, 13), checkpoint(rewritten, 13)));
		Witness.Response honestProof = witness
			.addCheckpoint(body(5, proof(this.leaves, 5, 13), checkpoint(rewritten, 13)));
		Witness.Response noProof = witness.addCheckpoint(body(5, List.of(), checkpoint(rewritten, 13)));

		// then
		assertThat(List.of(ownProof.status(), honestProof.status(), noProof.status())).containsOnly(422);
		assertThat(state.latest(ORIGIN).orElseThrow().size()).isEqualTo(5);
	}

	@Test
	void aProofFromSizeZeroAndAnEmptyTreeWithAnotherRootAreUnprocessable() {
		// given
		Witness witness = witness(WitnessState.open(this.directory));
		String emptyWithRoot = SignedNote.sign(new SignedNote.Checkpoint(ORIGIN, 0, root(this.leaves, 1)).text(), LOG);
		String empty = SignedNote.sign(new SignedNote.Checkpoint(ORIGIN, 0, Digests.sha256(new byte[0])).text(), LOG);

		// when
		Witness.Response proofFromZero = witness.addCheckpoint(body(0, proof(this.leaves, 2, 5), checkpoint(5)));
		Witness.Response wrongEmptyRoot = witness.addCheckpoint(body(0, List.of(), emptyWithRoot));
		Witness.Response emptyTree = witness.addCheckpoint(body(0, List.of(), empty));

		// then
		assertThat(proofFromZero.status()).isEqualTo(422);
		assertThat(wrongEmptyRoot.status()).isEqualTo(422);
		assertThat(emptyTree.status()).isEqualTo(200);
	}

	@Test
	void aRestartOnTheSameDirectoryContinuesWithTheSameKeyAndState() throws IOException {
		// given
		WitnessState first = WitnessState.open(this.directory);
		SignedNote.Signer key = SignedNote.Signer.of("witness.example/w1", first.key());
		new Witness(Map.of(ORIGIN, LOG.verifierKey()), key, first, clock())
			.addCheckpoint(body(0, List.of(), checkpoint(5)));

		// when
		WitnessState restarted = WitnessState.open(this.directory);
		SignedNote.Signer sameKey = SignedNote.Signer.of("witness.example/w1", restarted.key());
		Witness witness = new Witness(Map.of(ORIGIN, LOG.verifierKey()), sameKey, restarted, clock());

		// then
		assertThat(sameKey.publicKey()).isEqualTo(key.publicKey());
		assertThat(witness.addCheckpoint(body(0, List.of(), checkpoint(9))))
			.isEqualTo(new Witness.Response(409, "text/x.tlog.size", "5\n"));
		Witness.Response extended = witness.addCheckpoint(body(5, proof(this.leaves, 5, 9), checkpoint(9)));
		assertThat(extended.status()).isEqualTo(200);
		assertThat(Cosignature.verify(SignedNote.parse(checkpoint(9) + extended.body()),
				Cosignature.VerifierKey.of("witness.example/w1", key.publicKey())))
			.isPresent();
		// no temporary file is left behind
		try (var files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("witness-key.p8",
					Digests.sha256Hex(ORIGIN));
		}
	}

	@Test
	void theKeyFileIsTheOwnersAlone() throws IOException {
		// given
		assumeThat(this.directory.getFileSystem().supportedFileAttributeViews()).contains("posix");

		// when
		WitnessState.open(this.directory).key();

		// then
		assertThat(
				PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory.resolve("witness-key.p8"))))
			.isEqualTo("rw-------");
	}

	private Witness witness(WitnessState state) {
		return new Witness(Map.of(ORIGIN, LOG.verifierKey()), WITNESS, state, clock());
	}

	private static Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	private String checkpoint(long size) {
		return checkpoint(this.leaves, size);
	}

	private static String checkpoint(List<byte[]> leaves, long size) {
		return SignedNote.sign(new SignedNote.Checkpoint(ORIGIN, size, root(leaves, size)).text(), LOG);
	}

	private static byte[] root(List<byte[]> leaves, long size) {
		return AuditTree.root(AuditTree.of(leaves), size);
	}

	private static List<byte[]> proof(List<byte[]> leaves, long first, long second) {
		return AuditTree.consistencyProof(AuditTree.of(leaves), first, second);
	}

	private static List<byte[]> leaves(String seed, int count) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			leaves.add(AuditTree.leafHash(Digests.sha256(seed + i)));
		}
		return leaves;
	}

	/** An add-checkpoint body as tlog-witness defines it. */
	static byte[] body(long oldSize, List<byte[]> proof, String note) {
		StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
		proof.forEach((hash) -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
		return bytes(body.append('\n').append(note).toString());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
