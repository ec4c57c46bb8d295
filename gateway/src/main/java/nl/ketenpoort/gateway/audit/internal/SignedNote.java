package nl.ketenpoort.gateway.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import nl.ketenpoort.keys.Digests;
import nl.ketenpoort.keys.Ed25519Keys;

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 signatures, and the
 * tlog-checkpoint body they carry (https://c2sp.org/tlog-checkpoint): the audit tree's
 * size and root under the log's origin, signed by the gateway and co-signed by witnesses.
 * <p>
 * Parsing follows the Go reference ({@code golang.org/x/mod/sumdb/note}): valid UTF-8
 * with no control character but newline, the text ends at the last blank line, every line
 * after it a signature line, at most 100 of them. A verifier ignores lines of other keys;
 * a line of its key (name and key id) that fails refuses the note.
 */
public final class SignedNote {

	private static final String SIGNATURE_PREFIX = "\u2014 ";

	private static final byte ED25519 = 0x01;

	private static final int MAX_SIGNATURES = 100;

	private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

	private SignedNote() {
	}

	/**
	 * A note: its text (ending in a newline) and its signature lines, in order.
	 *
	 * @param text the signed text
	 * @param signatures the signature lines
	 */
	public record Note(String text, List<Line> signatures) {

		public Note {
			signatures = List.copyOf(signatures);
		}

		/**
		 * The note as its bytes' text: the text, a blank line, one line per signature.
		 */
		public String encoded() {
			StringBuilder note = new StringBuilder(this.text).append('\n');
			for (Line line : this.signatures) {
				note.append(line.encoded());
			}
			return note.toString();
		}

	}

	/**
	 * One signature line: {@code — <key name> base64(key id || signature)}.
	 *
	 * @param keyName the signer's key name
	 * @param keyId the key id, big-endian in the line
	 * @param signature the signature after the key id
	 */
	public record Line(String keyName, int keyId, byte[] signature) {

		/** The line with its newline. */
		public String encoded() {
			byte[] idAndSignature = ByteBuffer.allocate(4 + this.signature.length)
				.putInt(this.keyId)
				.put(this.signature)
				.array();
			return SIGNATURE_PREFIX + this.keyName + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
		}

	}

	/**
	 * An Ed25519 verifier key, {@code <name>+<hex key id>+base64(0x01 || public key)}.
	 *
	 * @param name the key name
	 * @param keyId the key id
	 * @param publicKey the 32-byte Ed25519 public key (RFC 8032)
	 */
	public record VerifierKey(String name, int keyId, byte[] publicKey) {

		/**
		 * The verifier key of this name and public key, its id derived as C2SP
		 * recommends.
		 */
		public static VerifierKey of(String name, byte[] publicKey) {
			requireName(name);
			if (publicKey.length != 32) {
				throw new Malformed("an Ed25519 public key has 32 bytes");
			}
			return new VerifierKey(name, SignedNote.keyId(name, publicKey), publicKey.clone());
		}

		/**
		 * A verifier key from its text; its key id must be the one its name and key give.
		 */
		public static VerifierKey parse(String vkey) {
			// the name has no '+', base64 may: the first two are the separators
			String[] parts = vkey.split("\\+", 3);
			if (parts.length != 3 || parts[1].length() != 8 || !parts[1].matches("[0-9a-f]{8}")) {
				throw new Malformed("a verifier key is <name>+<8 hex digits>+<base64 key>");
			}
			byte[] key = base64(parts[2]);
			if (key.length != 33 || key[0] != ED25519) {
				throw new Malformed("not an Ed25519 verifier key");
			}
			VerifierKey derived = of(parts[0], Arrays.copyOfRange(key, 1, 33));
			if (derived.keyId() != (int) Long.parseLong(parts[1], 16)) {
				throw new Malformed("the key id is not the one of this name and key");
			}
			return derived;
		}

		/** The text form, {@code <name>+<hex key id>+base64(0x01 || public key)}. */
		public String encoded() {
			byte[] key = ByteBuffer.allocate(33).put(ED25519).put(this.publicKey).array();
			return this.name + "+" + HexFormat.of().toHexDigits(this.keyId) + "+"
					+ Base64.getEncoder().encodeToString(key);
		}

	}

	/**
	 * An Ed25519 signing key under its key name.
	 *
	 * @param keyName the key name written in the signature line
	 * @param privateKey the JDK's Ed25519 private key
	 * @param publicKey the matching 32-byte public key
	 */
	public record Signer(String keyName, PrivateKey privateKey, byte[] publicKey) {

		/** The signer of an Ed25519 key pair made by the JDK. */
		public static Signer of(String keyName, KeyPair pair) {
			try {
				return new Signer(keyName, pair.getPrivate(), Ed25519Keys.raw(pair.getPublic()));
			}
			catch (Ed25519Keys.NotEd25519 ex) {
				throw new Malformed("not an Ed25519 public key");
			}
		}

		/** The verifier key that checks this signer's signatures. */
		public VerifierKey verifierKey() {
			return VerifierKey.of(this.keyName, this.publicKey);
		}

	}

	/**
	 * A tlog-checkpoint's note text: origin, tree size, base64 root hash, and extension
	 * lines (opaque, rarely used).
	 *
	 * @param origin the log's identity
	 * @param size the number of leaves
	 * @param root the tree's root hash
	 * @param extensions further non-empty lines
	 */
	public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

		public Checkpoint {
			extensions = List.copyOf(extensions);
		}

		public Checkpoint(String origin, long size, byte[] root) {
			this(origin, size, root, List.of());
		}

		/** {@code <origin>\n<size>\n<base64 root>\n}, then any extension lines. */
		public String text() {
			if (this.origin.isEmpty() || this.origin.contains("\n") || this.size < 0 || this.root.length != 32
					|| this.extensions.stream().anyMatch((line) -> line.isEmpty() || line.contains("\n"))) {
				throw new Malformed("a checkpoint needs an origin, a size, a 32-byte root and lines without newlines");
			}
			StringBuilder text = new StringBuilder(this.origin).append('\n')
				.append(this.size)
				.append('\n')
				.append(Base64.getEncoder().encodeToString(this.root))
				.append('\n');
			this.extensions.forEach((line) -> text.append(line).append('\n'));
			String checkpoint = text.toString();
			checkText(checkpoint);
			return checkpoint;
		}

		/** A checkpoint from a note's text. */
		public static Checkpoint parse(String text) {
			checkText(text);
			if (!text.endsWith("\n")) {
				throw new Malformed("a checkpoint ends in a newline");
			}
			String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
			if (lines.length < 3 || Arrays.stream(lines).anyMatch(String::isEmpty)) {
				throw new Malformed("a checkpoint has at least three lines, none empty");
			}
			if (!DECIMAL.matcher(lines[1]).matches()) {
				throw new Malformed("a checkpoint's size is a decimal number");
			}
			long size;
			try {
				size = Long.parseLong(lines[1]);
			}
			catch (NumberFormatException ex) {
				throw new Malformed("a checkpoint's size is too large");
			}
			byte[] root = base64(lines[2]);
			if (root.length != 32) {
				throw new Malformed("a checkpoint's root is a SHA-256 hash");
			}
			return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
		}

	}

	/** The note of {@code text} signed by {@code signer}. */
	public static String sign(String text, Signer signer) {
		return sign(new Note(text, List.of()), signer).encoded();
	}

	/**
	 * {@code note} with {@code signer}'s line added after the lines it has (a
	 * co-signature), replacing an earlier line of the same key.
	 */
	public static Note sign(Note note, Signer signer) {
		requireName(signer.keyName());
		checkText(note.text());
		if (!note.text().endsWith("\n")) {
			throw new Malformed("a note's text ends in a newline");
		}
		int keyId = keyId(signer.keyName(), signer.publicKey());
		byte[] signature;
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(signer.privateKey());
			ed25519.update(note.text().getBytes(StandardCharsets.UTF_8));
			signature = ed25519.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new SigningFailed(signer.keyName(), ex);
		}
		List<Line> lines = new ArrayList<>();
		for (Line line : note.signatures()) {
			if (!(line.keyName().equals(signer.keyName()) && line.keyId() == keyId)) {
				lines.add(line);
			}
		}
		lines.add(new Line(signer.keyName(), keyId, signature));
		return new Note(note.text(), lines);
	}

	/** A note from its bytes, which must be valid UTF-8. */
	public static Note parse(byte[] note) {
		try {
			return parse(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(note))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw new Malformed("a note is UTF-8");
		}
	}

	/** A note from its text; its signatures are not verified yet. */
	public static Note parse(String note) {
		checkText(note);
		int split = note.lastIndexOf("\n\n");
		if (split < 0) {
			throw new Malformed("a note's signatures follow a blank line");
		}
		String text = note.substring(0, split + 1);
		String block = note.substring(split + 2);
		if (block.isEmpty() || !block.endsWith("\n")) {
			throw new Malformed("a note has signature lines, each ending in a newline");
		}
		List<Line> lines = new ArrayList<>();
		for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
			if (lines.size() == MAX_SIGNATURES) {
				throw new Malformed("a note has at most " + MAX_SIGNATURES + " signatures");
			}
			lines.add(line(line));
		}
		return new Note(text, lines);
	}

	/**
	 * Whether {@code key} signed {@code note}: at least one line carries its name and key
	 * id, and every such line verifies. Lines of other keys are ignored.
	 */
	public static boolean verify(Note note, VerifierKey key) {
		boolean signed = false;
		for (Line line : note.signatures()) {
			if (line.keyName().equals(key.name()) && line.keyId() == key.keyId()) {
				if (!verifies(note.text(), line.signature(), key.publicKey())) {
					return false;
				}
				signed = true;
			}
		}
		return signed;
	}

	/** {@code SHA-256(key name || 0x0A || 0x01 || public key)[:4]}, big-endian. */
	static int keyId(String keyName, byte[] publicKey) {
		return keyId(keyName, ED25519, publicKey);
	}

	/**
	 * {@code SHA-256(key name || 0x0A || type || public key)[:4]}, big-endian: the key id
	 * of a signed-note key of this signature type (0x01 a log's Ed25519, 0x04 a witness's
	 * cosignature).
	 */
	static int keyId(String keyName, byte type, byte[] publicKey) {
		MessageDigest digest = Digests.newSha256();
		digest.update(keyName.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0x0A);
		digest.update(type);
		digest.update(publicKey);
		return ByteBuffer.wrap(digest.digest()).getInt();
	}

	static boolean verifies(String text, byte[] signature, byte[] publicKey) {
		if (signature.length != 64) {
			return false;
		}
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(Ed25519Keys.publicKey(publicKey));
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException | Ed25519Keys.NotEd25519 ex) {
			// a public key that is no curve point, or a signature the JDK cannot read
			return false;
		}
	}

	static Line line(String line) {
		if (!line.startsWith(SIGNATURE_PREFIX)) {
			throw new Malformed("a signature line starts with an em dash and a space");
		}
		String rest = line.substring(SIGNATURE_PREFIX.length());
		int space = rest.indexOf(' ');
		if (space < 0) {
			throw new Malformed("a signature line is a key name and a signature");
		}
		String name = rest.substring(0, space);
		requireName(name);
		byte[] idAndSignature = base64(rest.substring(space + 1));
		if (idAndSignature.length < 5) {
			throw new Malformed("a signature is a key id and at least one byte");
		}
		ByteBuffer bytes = ByteBuffer.wrap(idAndSignature);
		int keyId = bytes.getInt();
		byte[] signature = new byte[bytes.remaining()];
		bytes.get(signature);
		return new Line(name, keyId, signature);
	}

	/** Key names are non-empty, without Unicode spaces or '+'. */
	static void requireName(String name) {
		if (name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(SignedNote::isSpace)) {
			throw new Malformed("a key name is non-empty, without spaces or '+'");
		}
	}

	/** Go's unicode.IsSpace: the Latin-1 spaces and the Unicode White_Space property. */
	private static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
	}

	/** No control character but newline (the text is already valid UTF-16). */
	static void checkText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n') {
				throw new Malformed("a note has no control characters but newlines");
			}
		}
	}

	static byte[] base64(String text) {
		try {
			byte[] bytes = Base64.getDecoder().decode(text);
			if (text.isEmpty() || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
				throw new Malformed("not canonical base64");
			}
			return bytes;
		}
		catch (IllegalArgumentException ex) {
			throw new Malformed("not base64");
		}
	}

	/** A note, verifier key or checkpoint that does not follow its C2SP format. */
	public static final class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message);
		}

	}

	/**
	 * Our own signing key could not sign: not an Ed25519 key, or none the JDK can use.
	 */
	public static final class SigningFailed extends RuntimeException {

		SigningFailed(String keyName, Throwable cause) {
			super("the note signing key " + keyName + " cannot sign", cause);
		}

	}

}
