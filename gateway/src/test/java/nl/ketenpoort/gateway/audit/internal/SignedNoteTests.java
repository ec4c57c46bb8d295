package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.ketenpoort.gateway.audit.internal.SignedNote.Checkpoint;
import nl.ketenpoort.gateway.audit.internal.SignedNote.Line;
import nl.ketenpoort.gateway.audit.internal.SignedNote.Malformed;
import nl.ketenpoort.gateway.audit.internal.SignedNote.Note;
import nl.ketenpoort.gateway.audit.internal.SignedNote.Signer;
import nl.ketenpoort.gateway.audit.internal.SignedNote.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SignedNote} against the Go reference's vectors ({@code golang.org/x/mod/sumdb},
 * copied under {@code src/test/resources/signed-note} with their source and licence) and
 * the C2SP specifications' examples: the same key ids, byte-identical signed notes from
 * the same seed, and the same notes refused.
 */
class SignedNoteTests {

	private static final String GO_NOTE = read("golang-mod/note_test.go");

	private static final String GO_TREE = read("golang-mod/tlog_note_test.go");

	private static final String PETER_KEY = goString(GO_NOTE, "vkey");

	private static final String PETER_SIGNING_KEY = goString(GO_NOTE, "skey");

	private static final String ENOCH_KEY = goString(GO_NOTE, "enochKey");

	private static final String TEXT = goRawString(GO_NOTE, "text");

	private static final String PETER_SIG = goString(GO_NOTE, "peterSig");

	private static final String ENOCH_SIG = goString(GO_NOTE, "enochSig");

	@Test
	void theReferenceVerifierKeysParseWithTheirKeyIds() {
		// when
		VerifierKey peter = VerifierKey.parse(PETER_KEY);
		VerifierKey enoch = VerifierKey.parse(ENOCH_KEY);
		// then
		assertThat(peter.name()).isEqualTo("PeterNeumann");
		assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
		assertThat(peter.encoded()).isEqualTo(PETER_KEY);
		assertThat(enoch.name()).isEqualTo("EnochRoot");
		assertThat(enoch.keyId()).isEqualTo(0xaf0cfe78);
		assertThat(VerifierKey.of("PeterNeumann", peter.publicKey()).encoded()).isEqualTo(PETER_KEY);
	}

	@Test
	void everyManglingOfAVerifierKeyIsRefused() {
		// as upstream's TestNewVerifier: every proper substring, every character + 1, and
		// its two keys of the wrong length and of an unknown algorithm
		List<String> bad = new ArrayList<>();
		for (int i = 0; i <= PETER_KEY.length(); i++) {
			for (int j = i + 1; j <= PETER_KEY.length(); j++) {
				if (i != 0 || j != PETER_KEY.length()) {
					bad.add(PETER_KEY.substring(i, j));
				}
			}
		}
		for (int i = 0; i < PETER_KEY.length(); i++) {
			char[] chars = PETER_KEY.toCharArray();
			chars[i]++;
			bad.add(new String(chars));
		}
		Matcher badKey = Pattern.compile("badKey\\(\"([^\"]+)\"\\)").matcher(GO_NOTE);
		int literals = 0;
		while (badKey.find()) {
			bad.add(badKey.group(1));
			literals++;
		}
		assertThat(literals).isEqualTo(2);
		// then
		assertThat(bad).hasSizeGreaterThan(2000)
			.allSatisfy(
					(vkey) -> assertThatThrownBy(() -> VerifierKey.parse(vkey)).as(vkey).isInstanceOf(Malformed.class));
	}

	@Test
	void signingWithTheReferenceSeedWritesTheReferenceNoteByteForByte() throws GeneralSecurityException {
		// given upstream's TestSign: its signing key and the note it must give
		String want = goRawString(GO_NOTE, "want");
		Signer peter = peterSigner();
		// when
		String note = SignedNote.sign(TEXT, peter);
		// then
		assertThat(note).isEqualTo(want);
		assertThat(note).isEqualTo(TEXT + "\n" + PETER_SIG);
		assertThat(peter.verifierKey().encoded()).isEqualTo(PETER_KEY);
		// and: signing again replaces the key's earlier line, as upstream
		Note withBadLine = new Note(TEXT, List.of(new Line("PeterNeumann", 0xc74f20a3, new byte[] { 1, 2, 3 })));
		assertThat(SignedNote.sign(withBadLine, peter).encoded()).isEqualTo(want);
	}

	@Test
	void textsThatAreNoNoteTextAreNotSigned() throws GeneralSecurityException {
		Signer peter = peterSigner();
		assertThatThrownBy(() -> SignedNote.sign("abc", peter)).isInstanceOf(Malformed.class);
		assertThatThrownBy(() -> SignedNote.sign("a\u0001b\n", peter)).isInstanceOf(Malformed.class);
		Signer badName = new Signer("a b", peter.privateKey(), peter.publicKey());
		assertThatThrownBy(() -> SignedNote.sign(TEXT, badName)).isInstanceOf(Malformed.class);
	}

	@Test
	void aNoteVerifiesForEachKeyThatSignedItAndForNoOther() throws GeneralSecurityException {
		// given upstream's TestOpen note, signed by two keys
		Note note = SignedNote.parse((TEXT + "\n" + PETER_SIG + ENOCH_SIG).getBytes(StandardCharsets.UTF_8));
		VerifierKey stranger = Signer.of("PeterNeumann", KeyPairGenerator.getInstance("Ed25519").generateKeyPair())
			.verifierKey();
		// then
		assertThat(note.text()).isEqualTo(TEXT);
		assertThat(note.signatures()).extracting(Line::keyName).containsExactly("PeterNeumann", "EnochRoot");
		assertThat(note.signatures()).extracting(Line::keyId).containsExactly(0xc74f20a3, 0xaf0cfe78);
		assertThat(SignedNote.verify(note, VerifierKey.parse(PETER_KEY))).isTrue();
		assertThat(SignedNote.verify(note, VerifierKey.parse(ENOCH_KEY))).isTrue();
		assertThat(SignedNote.verify(note, stranger)).isFalse();
		assertThat(note.encoded()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
	}

	@Test
	void aFailingLineOfAKnownKeyRefusesTheNoteForThatKey() {
		// upstream's "invalid signature" and "duplicated verified and unverified" notes
		String badPeter = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
		String badEnoch = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
		Note forged = SignedNote.parse(TEXT + "\n" + badPeter);
		Note mixed = SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + badEnoch);
		// then
		assertThat(SignedNote.verify(forged, VerifierKey.parse(PETER_KEY))).isFalse();
		assertThat(SignedNote.verify(mixed, VerifierKey.parse(PETER_KEY))).isTrue();
		assertThat(SignedNote.verify(mixed, VerifierKey.parse(ENOCH_KEY))).isFalse();
		// and: a line under another name, or another key id, is not the key's
		Note misnamed = SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego"));
		Note wrongId = SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("x08g", "xxxx"));
		assertThat(SignedNote.verify(misnamed, VerifierKey.parse(PETER_KEY))).isFalse();
		assertThat(SignedNote.verify(wrongId, VerifierKey.parse(PETER_KEY))).isFalse();
		// and: the text changed by one character
		Note changedText = SignedNote.parse(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG);
		assertThat(SignedNote.verify(changedText, VerifierKey.parse(PETER_KEY))).isFalse();
	}

	@Test
	void malformedNotesAreRefused() {
		// upstream's badMsgs and its 101 signatures
		List<byte[]> bad = new ArrayList<>();
		for (String note : List.of(TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG
			.substring(0, PETER_SIG.length() - 1), "\u0001" + TEXT + "\n" + PETER_SIG, TEXT + "\n"
					+ "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
				TEXT + "\n" + PETER_SIG + "Unexpected line.\n", TEXT + "\n" + PETER_SIG.repeat(101))) {
			bad.add(note.getBytes(StandardCharsets.UTF_8));
		}
		byte[] notUtf8 = (" " + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
		notUtf8[0] = (byte) 0xff;
		bad.add(notUtf8);
		// then
		assertThat(bad).allSatisfy(
				(note) -> assertThatThrownBy(() -> SignedNote.parse(note)).as(new String(note, StandardCharsets.UTF_8))
					.isInstanceOf(Malformed.class));
		// and: 100 signatures are still a note
		assertThat(SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures()).hasSize(100);
	}

	@Test
	void theSpecificationsExampleNoteVerifies() {
		// given c2sp.org/signed-note's example verifier key and note
		String spec = read("c2sp/signed-note.md");
		Matcher example = Pattern.compile(
				"The following verifier key\\s+(\\S+)\\s+verifies the following signed note\\s+```\\n([\\s\\S]*?)```")
			.matcher(spec);
		assertThat(example.find()).isTrue();
		// when
		Note note = SignedNote.parse(example.group(2));
		// then
		assertThat(note.text()).isEqualTo("This is an example message.\n");
		assertThat(SignedNote.verify(note, VerifierKey.parse(example.group(1)))).isTrue();
	}

	@Test
	void aCheckpointIsWrittenAsTheGoReferencesTreeNote() {
		// given upstream's TestFormatTree: a tree of 123456789012 leaves whose root is
		// RecordHash("hello world"), the RFC 6962 leaf hash
		String golden = goString(GO_TREE, "golden");
		byte[] root = AuditTree.leafHash("hello world".getBytes(StandardCharsets.UTF_8));
		// when
		String text = new Checkpoint("go.sum database tree", 123456789012L, root).text();
		Checkpoint parsed = Checkpoint.parse(golden);
		// then
		assertThat(text).isEqualTo(golden);
		assertThat(parsed.origin()).isEqualTo("go.sum database tree");
		assertThat(parsed.size()).isEqualTo(123456789012L);
		assertThat(parsed.root()).isEqualTo(root);
		assertThat(parsed.extensions()).isEmpty();
		// and: extension lines are kept, not refused (upstream ignores them)
		assertThat(Checkpoint.parse(golden + "JOE\n").extensions()).containsExactly("JOE");
		assertThat(Checkpoint.parse(golden + "JOE\n".repeat(1000)).extensions()).hasSize(1000);
	}

	@Test
	void malformedCheckpointsAreRefused() {
		String golden = goString(GO_TREE, "golden");
		List<String> bad = List.of(golden.replace("123456789012", "0xabcdef"), golden.replace("Bb0=", "BTOOBIG="),
				golden.replace("123456789012", "0123456789012"), golden.replace("123456789012", "99999999999999999999"),
				golden + "\n", golden + "JOE", golden.substring(golden.indexOf('\n') + 1),
				"\n123\n" + golden.split("\n")[2] + "\n");
		assertThat(bad).allSatisfy(
				(text) -> assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(Malformed.class));
		assertThatThrownBy(() -> new Checkpoint("a\nb", 1, new byte[32]).text()).isInstanceOf(Malformed.class);
		assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[31]).text()).isInstanceOf(Malformed.class);
	}

	@Test
	void theSpecificationsExampleCheckpointParses() {
		// given c2sp.org/tlog-checkpoint's example (its key is not published)
		String spec = read("c2sp/tlog-checkpoint.md");
		Matcher example = Pattern.compile("```\\n([\\s\\S]*?)```").matcher(spec);
		assertThat(example.find()).isTrue();
		// when
		Note note = SignedNote.parse(example.group(1));
		Checkpoint checkpoint = Checkpoint.parse(note.text());
		// then
		assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
		assertThat(checkpoint.size()).isEqualTo(20852163L);
		assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
			.isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
		assertThat(note.signatures()).singleElement().extracting(Line::keyName).isEqualTo(checkpoint.origin());
	}

	@Test
	void aCheckpointSignedByTheLogAndCosignedByAWitnessVerifiesForBoth() throws GeneralSecurityException {
		// given
		KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
		Signer log = Signer.of("ketenpoort.example/audit", ed25519.generateKeyPair());
		Signer witness = Signer.of("coa.example/witness", ed25519.generateKeyPair());
		byte[] root = AuditTree.leafHash(new byte[] { 42 });
		String text = new Checkpoint("ketenpoort.example/audit", 1, root).text();
		// when
		String signed = SignedNote.sign(text, log);
		Note cosigned = SignedNote.sign(SignedNote.parse(signed), witness);
		Note reread = SignedNote.parse(cosigned.encoded());
		// then
		assertThat(reread.signatures()).extracting(Line::keyName)
			.containsExactly("ketenpoort.example/audit", "coa.example/witness");
		assertThat(SignedNote.verify(reread, log.verifierKey())).isTrue();
		assertThat(SignedNote.verify(reread, witness.verifierKey())).isTrue();
		assertThat(VerifierKey.parse(witness.verifierKey().encoded()).publicKey()).isEqualTo(witness.publicKey());
		// and: the witness's line moved onto another checkpoint does not verify
		String other = new Checkpoint("ketenpoort.example/audit", 2, root).text();
		Note moved = new Note(other, List.of(reread.signatures().get(1)));
		assertThat(SignedNote.verify(moved, witness.verifierKey())).isFalse();
	}

	/**
	 * PeterNeumann's signing key from upstream's "PRIVATE+KEY+name+id+base64(0x01 ||
	 * seed)".
	 */
	private static Signer peterSigner() throws GeneralSecurityException {
		String[] parts = PETER_SIGNING_KEY.split("\\+", 5);
		assertThat(parts[0] + "+" + parts[1]).isEqualTo("PRIVATE+KEY");
		byte[] key = Base64.getDecoder().decode(parts[4]);
		assertThat(key).hasSize(33).startsWith(0x01);
		PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
			.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOfRange(key, 1, 33)));
		VerifierKey verifier = VerifierKey.parse(PETER_KEY);
		assertThat(HexFormat.of().toHexDigits(verifier.keyId())).isEqualTo(parts[3]);
		return new Signer(parts[2], privateKey, verifier.publicKey());
	}

	/** The first {@code name := "…"} of a Go source, its \n escapes decoded. */
	private static String goString(String source, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + " := \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(source);
		assertThat(matcher.find()).as(name).isTrue();
		String value = matcher.group(1);
		assertThat(value.replace("\\n", "")).as(name).doesNotContain("\\");
		return value.replace("\\n", "\n");
	}

	/** The first {@code name := `…`} (a raw string) of a Go source. */
	private static String goRawString(String source, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + " := `([^`]*)`").matcher(source);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	private static String read(String name) {
		try (InputStream in = SignedNoteTests.class.getResourceAsStream("/signed-note/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
