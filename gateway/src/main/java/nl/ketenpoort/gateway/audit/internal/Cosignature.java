package nl.ketenpoort.gateway.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Ed25519 cosignatures of checkpoints (https://c2sp.org/tlog-cosignature, v1): a
 * witness's signed statement that, at its time, the checkpoint is the largest consistent
 * tree it has seen of that log. A cosignature is a signed-note line whose key id is
 * {@code SHA-256(name || 0x0A || 0x04 || public key)[:4]} and whose bytes after it are
 * {@code timestamp (u64, big-endian) || Ed25519 signature}, over
 * {@code "cosignature/v1\ntime <seconds>\n" || checkpoint text}.
 * <p>
 * The type byte 0x04 keeps a witness key apart from a log key (0x01): a checkpoint
 * signature never passes for a cosignature, nor the other way round.
 */
public final class Cosignature {

	static final byte ED25519_COSIGNATURE = 0x04;

	private static final int SIGNATURE_LENGTH = 8 + 64;

	private Cosignature() {
	}

	/** What a note says about one witness. */
	public enum Status {

		/** No line carries the witness's name and key id. */
		ABSENT,

		/** Every line of the witness verifies. */
		VALID,

		/**
		 * A line carries the witness's name and key id but does not verify: someone
		 * forged or damaged it.
		 */
		FORGED

	}

	/**
	 * The result of checking a note for one witness's cosignature.
	 *
	 * @param status absent, valid or forged
	 * @param time the cosignature's time when valid
	 */
	public record Result(Status status, @Nullable Instant time) {

		static final Result ABSENT = new Result(Status.ABSENT, null);

		static final Result FORGED = new Result(Status.FORGED, null);

	}

	/**
	 * A witness's cosignature verifier key,
	 * {@code <name>+<hex key id>+base64(0x04 || public key)}.
	 *
	 * @param name the witness's name, its key name
	 * @param keyId the key id
	 * @param publicKey the 32-byte Ed25519 public key
	 */
	public record VerifierKey(String name, int keyId, byte[] publicKey) {

		/** The cosignature verifier key of this name and public key. */
		public static VerifierKey of(String name, byte[] publicKey) {
			SignedNote.requireName(name);
			if (publicKey.length != 32) {
				throw new SignedNote.Malformed("an Ed25519 public key has 32 bytes");
			}
			return new VerifierKey(name, Cosignature.keyId(name, publicKey), publicKey.clone());
		}

		/**
		 * A cosignature verifier key from its text; its key id must be the one its name
		 * and key give.
		 */
		public static VerifierKey parse(String vkey) {
			String[] parts = vkey.split("\\+", 3);
			if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
				throw new SignedNote.Malformed("a verifier key is <name>+<8 hex digits>+<base64 key>");
			}
			byte[] key = SignedNote.base64(parts[2]);
			if (key.length != 33 || key[0] != ED25519_COSIGNATURE) {
				throw new SignedNote.Malformed("not an Ed25519 cosignature (type 0x04) verifier key");
			}
			VerifierKey derived = of(parts[0], Arrays.copyOfRange(key, 1, 33));
			if (derived.keyId() != (int) Long.parseLong(parts[1], 16)) {
				throw new SignedNote.Malformed("the key id is not the one of this name and key");
			}
			return derived;
		}

		/** The text form, {@code <name>+<hex key id>+base64(0x04 || public key)}. */
		public String encoded() {
			byte[] key = ByteBuffer.allocate(33).put(ED25519_COSIGNATURE).put(this.publicKey).array();
			return this.name + "+" + HexFormat.of().toHexDigits(this.keyId) + "+"
					+ Base64.getEncoder().encodeToString(key);
		}

	}

	/**
	 * The cosignature line of a witness on a checkpoint's text, at {@code time}
	 * (truncated to whole seconds).
	 * @param checkpoint the checkpoint's note text, ending in a newline
	 * @param witnessName the witness's name
	 * @param privateKey the witness's Ed25519 private key
	 * @param publicKey the matching 32-byte public key
	 * @param time when the witness co-signs
	 * @return the signature line
	 */
	public static SignedNote.Line sign(String checkpoint, String witnessName, PrivateKey privateKey, byte[] publicKey,
			Instant time) {
		SignedNote.requireName(witnessName);
		SignedNote.checkText(checkpoint);
		if (!checkpoint.endsWith("\n") || time.getEpochSecond() < 0) {
			throw new SignedNote.Malformed("a cosigned text ends in a newline, at a time after 1970");
		}
		long seconds = time.getEpochSecond();
		byte[] signature;
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(privateKey);
			ed25519.update(message(checkpoint, seconds).getBytes(StandardCharsets.UTF_8));
			signature = ed25519.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new SignedNote.SigningFailed(witnessName, ex);
		}
		byte[] timestamped = ByteBuffer.allocate(SIGNATURE_LENGTH).putLong(seconds).put(signature).array();
		return new SignedNote.Line(witnessName, keyId(witnessName, publicKey), timestamped);
	}

	/**
	 * The time of the witness's cosignature on the note, when it carries one that
	 * verifies; empty when absent or forged ({@link #check} tells which).
	 */
	public static Optional<Instant> verify(SignedNote.Note note, VerifierKey witness) {
		return Optional.ofNullable(check(note, witness).time());
	}

	/**
	 * Whether the note carries the witness's cosignature: absent when no line has its
	 * name and key id, forged when such a line does not verify, valid (with the latest
	 * time) when all of them do. Lines of other keys are ignored.
	 */
	public static Result check(SignedNote.Note note, VerifierKey witness) {
		@Nullable Instant latest = null;
		for (SignedNote.Line line : note.signatures()) {
			if (!line.keyName().equals(witness.name()) || line.keyId() != witness.keyId()) {
				continue;
			}
			byte[] signature = line.signature();
			long seconds = (signature.length == SIGNATURE_LENGTH) ? ByteBuffer.wrap(signature).getLong() : -1;
			if (seconds < 0 || !SignedNote.verifies(message(note.text(), seconds),
					Arrays.copyOfRange(signature, 8, SIGNATURE_LENGTH), witness.publicKey())) {
				return Result.FORGED;
			}
			Instant time = Instant.ofEpochSecond(seconds);
			latest = (latest == null || time.isAfter(latest)) ? time : latest;
		}
		return (latest != null) ? new Result(Status.VALID, latest) : Result.ABSENT;
	}

	/**
	 * The time a cosignature line claims, unverified: its first eight bytes after the key
	 * id.
	 */
	public static Instant time(SignedNote.Line line) {
		if (line.signature().length != SIGNATURE_LENGTH || ByteBuffer.wrap(line.signature()).getLong() < 0) {
			throw new SignedNote.Malformed("a cosignature is a timestamp and a 64-byte Ed25519 signature");
		}
		return Instant.ofEpochSecond(ByteBuffer.wrap(line.signature()).getLong());
	}

	/** {@code SHA-256(name || 0x0A || 0x04 || public key)[:4]}, big-endian. */
	static int keyId(String name, byte[] publicKey) {
		return SignedNote.keyId(name, ED25519_COSIGNATURE, publicKey);
	}

	private static String message(String checkpoint, long seconds) {
		return "cosignature/v1\ntime " + seconds + "\n" + checkpoint;
	}

}
