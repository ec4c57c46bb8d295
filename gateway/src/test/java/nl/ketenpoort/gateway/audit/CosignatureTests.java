package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.ketenpoort.gateway.audit.internal.Cosignature;
import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.keys.Digests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cosignatures as C2SP tlog-cosignature/v1 defines them: the key id with type byte 0x04,
 * the verifier key form, the timestamped signature over
 * {@code cosignature/v1\ntime <seconds>\n<checkpoint>}, and a forged line told apart from
 * an absent one. Upstream values from {@code src/test/resources/cosignature/}.
 */
class CosignatureTests {

	private static final String CHECKPOINT = new SignedNote.Checkpoint("ketenpoort.example/audit", 20852163,
			Digests.sha256("root"))
		.text();

	private static final Instant TIME = Instant.ofEpochSecond(1679315147);

	private final SignedNote.Signer witness = signer("witness.example/w1");

	private final SignedNote.Signer log = signer("ketenpoort.example/audit");

	@Test
	void aCosignatureVerifiesWithItsTime() {
		// given
		SignedNote.Note logged = SignedNote.parse(SignedNote.sign(CHECKPOINT, this.log));

		// when
		SignedNote.Note cosigned = SignedNote.parse(logged.encoded() + cosign(CHECKPOINT, TIME).encoded());

		// then
		Cosignature.Result result = Cosignature.check(cosigned, witnessKey());
		assertThat(result.status()).isEqualTo(Cosignature.Status.VALID);
		assertThat(result.time()).isEqualTo(TIME);
		assertThat(Cosignature.verify(cosigned, witnessKey())).contains(TIME);
		// the log's own signature still verifies beside it
		assertThat(SignedNote.verify(cosigned, this.log.verifierKey())).isTrue();
	}

	@Test
	void theSignatureIsOverTheHeaderTheTimeAndTheCheckpoint() throws GeneralSecurityException {
		// given
		SignedNote.Line line = cosign(CHECKPOINT, TIME);

		// when
		byte[] bytes = line.signature();

		// then: timestamp (8 bytes, big-endian) || Ed25519 signature (64 bytes)
		assertThat(bytes).hasSize(72);
		assertThat(ByteBuffer.wrap(bytes).getLong()).isEqualTo(1679315147L);
		java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
		ed25519.initVerify(KeyPairs.publicKey(this.witness.publicKey()));
		ed25519.update(("cosignature/v1\ntime 1679315147\n" + CHECKPOINT).getBytes(StandardCharsets.UTF_8));
		assertThat(ed25519.verify(Arrays.copyOfRange(bytes, 8, 72))).isTrue();
		assertThat(Cosignature.time(line)).isEqualTo(TIME);
	}

	@Test
	void theKeyIdHashesTheNameANewlineTypeFourAndTheKey() {
		// given
		MessageDigest digest = Digests.newSha256();
		digest.update("witness.example/w1\n".getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0x04);
		digest.update(this.witness.publicKey());
		int expected = ByteBuffer.wrap(digest.digest()).getInt();

		// when
		SignedNote.Line line = cosign(CHECKPOINT, TIME);

		// then
		assertThat(line.keyId()).isEqualTo(expected).isEqualTo(witnessKey().keyId());
		// and it is not the key id of the same key as a note signer (type 0x01)
		assertThat(line.keyId()).isNotEqualTo(this.witness.verifierKey().keyId());
	}

	@Test
	void aForgedOrDamagedLineOfTheWitnessIsForgedNotAbsent() {
		// given
		SignedNote.Line genuine = cosign(CHECKPOINT, TIME);
		byte[] flipped = genuine.signature().clone();
		flipped[40] ^= 1;
		byte[] otherTime = genuine.signature().clone();
		otherTime[7] ^= 1;
		byte[] truncated = Arrays.copyOf(genuine.signature(), 71);
		SignedNote.Signer impostor = signer("witness.example/w1");
		SignedNote.Line impostorLine = Cosignature.sign(CHECKPOINT, "witness.example/w1", impostor.privateKey(),
				this.witness.publicKey(), TIME);

		for (SignedNote.Line line : List.of(new SignedNote.Line(genuine.keyName(), genuine.keyId(), flipped),
				new SignedNote.Line(genuine.keyName(), genuine.keyId(), otherTime),
				new SignedNote.Line(genuine.keyName(), genuine.keyId(), truncated), impostorLine)) {
			// when
			SignedNote.Note note = new SignedNote.Note(CHECKPOINT, List.of(line));

			// then
			assertThat(Cosignature.check(note, witnessKey()).status()).isEqualTo(Cosignature.Status.FORGED);
			assertThat(Cosignature.verify(note, witnessKey())).isEmpty();
		}
		// a genuine line beside a forged one does not save the note
		SignedNote.Note both = new SignedNote.Note(CHECKPOINT,
				List.of(genuine, new SignedNote.Line(genuine.keyName(), genuine.keyId(), flipped)));
		assertThat(Cosignature.check(both, witnessKey()).status()).isEqualTo(Cosignature.Status.FORGED);
	}

	@Test
	void aCosignatureOfAnotherCheckpointIsForged() {
		// given: extension lines are signed too
		String extended = CHECKPOINT + "an extension\n";
		SignedNote.Line line = cosign(extended, TIME);

		// when
		SignedNote.Note other = new SignedNote.Note(CHECKPOINT + "another extension\n", List.of(line));

		// then
		assertThat(Cosignature.check(new SignedNote.Note(extended, List.of(line)), witnessKey()).status())
			.isEqualTo(Cosignature.Status.VALID);
		assertThat(Cosignature.check(other, witnessKey()).status()).isEqualTo(Cosignature.Status.FORGED);
	}

	@Test
	void aNoteWithoutTheWitnessLineIsAbsentAndALogSignatureIsNoCosignature() {
		// given: the witness's key signing as a log (type 0x01) under the same name
		SignedNote.Note signedAsLog = SignedNote.parse(SignedNote.sign(CHECKPOINT, this.witness));
		SignedNote.Signer other = signer("witness.example/w2");
		SignedNote.Note otherWitness = new SignedNote.Note(CHECKPOINT,
				List.of(Cosignature.sign(CHECKPOINT, other.keyName(), other.privateKey(), other.publicKey(), TIME)));

		// then
		assertThat(Cosignature.check(signedAsLog, witnessKey()).status()).isEqualTo(Cosignature.Status.ABSENT);
		assertThat(Cosignature.check(otherWitness, witnessKey()).status()).isEqualTo(Cosignature.Status.ABSENT);
		assertThat(Cosignature.verify(signedAsLog, witnessKey())).isEmpty();
	}

	@Test
	void verifierKeysRoundTripAndCarryTypeFour() {
		// given
		Cosignature.VerifierKey key = witnessKey();

		// when
		String encoded = key.encoded();

		// then
		assertThat(encoded).startsWith("witness.example/w1+" + String.format("%08x", key.keyId()) + "+");
		assertThat(Base64.getDecoder().decode(encoded.split("\\+", 3)[2])[0]).isEqualTo((byte) 4);
		Cosignature.VerifierKey parsed = Cosignature.VerifierKey.parse(encoded);
		assertThat(parsed.keyId()).isEqualTo(key.keyId());
		assertThat(parsed.publicKey()).isEqualTo(key.publicKey());
		// a log's key (type 0x01) is no cosignature key, and a wrong key id is refused
		assertThatExceptionOfType(SignedNote.Malformed.class)
			.isThrownBy(() -> Cosignature.VerifierKey.parse(this.witness.verifierKey().encoded()));
		assertThatExceptionOfType(SignedNote.Malformed.class).isThrownBy(
				() -> Cosignature.VerifierKey.parse("witness.example/w1+00000000+" + encoded.split("\\+", 3)[2]));
	}

	@Test
	void theTransparencyDevVectorsParse() throws IOException {
		// given
		Map<String, String> vectors = vectors();

		// when
		Cosignature.VerifierKey remora = Cosignature.VerifierKey.parse(vectors.get("cosignature-vkey"));

		// then: Go's key id and ours agree for a type 0x04 key
		assertThat(remora.name()).isEqualTo("remora.n621.de");
		assertThat(String.format("%08x", remora.keyId())).isEqualTo("da77ade7");
		assertThat(remora.encoded()).isEqualTo(vectors.get("cosignature-vkey"));
		assertThatExceptionOfType(SignedNote.Malformed.class)
			.isThrownBy(() -> Cosignature.VerifierKey.parse(vectors.get("ed25519-vkey")));
		assertThat(Cosignature.time(line(vectors.get("cosignature"))))
			.isEqualTo(Instant.ofEpochSecond(Long.parseLong(vectors.get("cosignature-time"))));
		assertThatExceptionOfType(SignedNote.Malformed.class)
			.isThrownBy(() -> Cosignature.time(line(vectors.get("not-a-cosignature"))));
	}

	@Test
	void theSpecificationsExampleCosignatureCarriesTheTimeOfItsSignedMessage() throws IOException {
		// given: the example note and the example signed message of tlog-cosignature.md
		String spec = resource("c2sp/tlog-cosignature.md");
		Matcher example = Pattern.compile("```\n(example\\.com/behind-the-sofa\n[\\s\\S]*?\n)```").matcher(spec);
		assertThat(example.find()).isTrue();
		Matcher message = Pattern.compile("    cosignature/v1\n    time ([0-9]+)\n").matcher(spec);
		assertThat(message.find()).isTrue();

		// when
		SignedNote.Note note = SignedNote.parse(example.group(1));

		// then
		SignedNote.Line cosignature = note.signatures()
			.stream()
			.filter((line) -> line.keyName().equals("witness.example.com/w1"))
			.findFirst()
			.orElseThrow();
		assertThat(Cosignature.time(cosignature)).isEqualTo(Instant.ofEpochSecond(Long.parseLong(message.group(1))));
		assertThat(SignedNote.Checkpoint.parse(note.text()).size()).isEqualTo(20852163);
	}

	private SignedNote.Line cosign(String checkpoint, Instant time) {
		return Cosignature.sign(checkpoint, this.witness.keyName(), this.witness.privateKey(), this.witness.publicKey(),
				time);
	}

	private Cosignature.VerifierKey witnessKey() {
		return Cosignature.VerifierKey.of(this.witness.keyName(), this.witness.publicKey());
	}

	/** A signature line of a base64 key id and signature, under any name. */
	private static SignedNote.Line line(String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		return new SignedNote.Line("vector", ByteBuffer.wrap(bytes).getInt(),
				Arrays.copyOfRange(bytes, 4, bytes.length));
	}

	private static Map<String, String> vectors() throws IOException {
		return resource("transparency-dev-formats/vectors.txt").lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split(" ", 2))
			.collect(Collectors.toMap((parts) -> parts[0], (parts) -> parts[1]));
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = CosignatureTests.class.getResourceAsStream("/cosignature/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static SignedNote.Signer signer(String name) {
		try {
			return SignedNote.Signer.of(name, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The JDK's key of 32 raw bytes, through the RFC 8410 prefix. */
	static final class KeyPairs {

		private KeyPairs() {
		}

		static java.security.PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
			byte[] prefix = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
			byte[] spki = ByteBuffer.allocate(44).put(prefix).put(raw).array();
			return java.security.KeyFactory.getInstance("Ed25519")
				.generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
		}

	}

}
