package nl.ketenpoort.gateway.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import nl.ketenpoort.keys.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transparency-log witness (https://c2sp.org/tlog-witness): for each configured log it
 * co-signs a checkpoint only when it extends, by a verified consistency proof, the one it
 * co-signed last, so that a log cannot show two histories to two parties that both ask
 * this witness. Plain Java: {@link WitnessCommand} serves it over HTTP.
 * <p>
 * The checks run in the specification's order: a malformed request is 400, an unknown
 * origin 404, no valid log signature (or a forged one) 403, an old size above the
 * checkpoint's 400, an old size other than the last co-signed one 409 with that size; a
 * size-0 checkpoint without the empty tree's root, another root at the co-signed size (a
 * split view), a proof from size 0 or a proof that does not link are 422. The C2SP text
 * of 2026-07 answers a split view with 422, where earlier ones had 409; clients tell it
 * apart by the old size being the checkpoint's. The new state is on disk before the
 * cosignature is answered, and checking and recording happen under one lock per log, so
 * that two requests cannot roll the state back.
 */
public final class Witness {

	/** The content type of a 409 that tells the size the witness knows. */
	public static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

	static final String TEXT = "text/plain; charset=utf-8";

	static final int MAX_PROOF_LINES = 63;

	private static final Logger log = LoggerFactory.getLogger(Witness.class);

	/** RFC 6962 §2.1: the root of the empty tree is the hash of the empty string. */
	private static final byte[] EMPTY_TREE = Digests.sha256(new byte[0]);

	private static final Pattern OLD_SIZE = Pattern.compile("old (0|[1-9][0-9]{0,18})");

	private final Function<String, List<SignedNote.VerifierKey>> logs;

	private final SignedNote.Signer key;

	private final WitnessState state;

	private final Clock clock;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	/**
	 * A witness of the given logs.
	 * @param logs each log's origin and the key its checkpoints are signed with
	 * @param key the witness's own key, under its name
	 * @param state where it remembers what it co-signed
	 * @param clock the time its cosignatures state
	 */
	public Witness(Map<String, SignedNote.VerifierKey> logs, SignedNote.Signer key, WitnessState state, Clock clock) {
		this(lookup(Map.copyOf(logs)), key, state, clock);
	}

	/**
	 * A witness that asks {@code logs} for a log's keys on every checkpoint: for a log
	 * whose key the witness learns only once it runs, or one that rotates (the old and
	 * the new key both known for a while).
	 * @param logs the keys of the log with this origin; empty for a log it does not know
	 * @param key the witness's own key, under its name
	 * @param state where it remembers what it co-signed
	 * @param clock the time its cosignatures state
	 */
	public Witness(Function<String, List<SignedNote.VerifierKey>> logs, SignedNote.Signer key, WitnessState state,
			Clock clock) {
		this.logs = logs;
		this.key = key;
		this.state = state;
		this.clock = clock;
	}

	/**
	 * An HTTP answer: status, content type and body.
	 *
	 * @param status the HTTP status code
	 * @param contentType the body's content type
	 * @param body the body
	 */
	public record Response(int status, String contentType, String body) {

		static Response text(int status, String body) {
			return new Response(status, TEXT, body + "\n");
		}

	}

	/** The key that verifies this witness's cosignatures. */
	public Cosignature.VerifierKey verifierKey() {
		return Cosignature.VerifierKey.of(this.key.keyName(), this.key.publicKey());
	}

	/** Answers a {@code POST add-checkpoint} with the request's body. */
	public Response addCheckpoint(byte[] body) {
		Request request;
		try {
			request = Request.parse(body);
		}
		catch (SignedNote.Malformed ex) {
			log.debug("Refused a checkpoint: the request is malformed ({})", ex.getMessage());
			return Response.text(400, "malformed request: " + ex.getMessage());
		}
		SignedNote.Checkpoint checkpoint = request.checkpoint();
		List<SignedNote.VerifierKey> logKeys = this.logs.apply(checkpoint.origin());
		if (logKeys.isEmpty()) {
			log.debug("Refused a checkpoint: its origin is not a log this witness knows");
			return Response.text(404, "unknown log origin");
		}
		if (!signedByTheLog(request.note(), logKeys)) {
			log.debug("Refused a checkpoint of {}: no valid signature of the log's key", checkpoint.origin());
			return Response.text(403, "the checkpoint carries no valid signature of the log");
		}
		if (request.oldSize() > checkpoint.size()) {
			log.debug("Refused a checkpoint of {}: old size {} is above its size {}", checkpoint.origin(),
					request.oldSize(), checkpoint.size());
			return Response.text(400, "the old size is larger than the checkpoint's size");
		}
		synchronized (this.locks.computeIfAbsent(checkpoint.origin(), (origin) -> new Object())) {
			return addVerified(request, checkpoint);
		}
	}

	private Response addVerified(Request request, SignedNote.Checkpoint checkpoint) {
		String origin = checkpoint.origin();
		Optional<WitnessState.Latest> latest = this.state.latest(origin);
		long known = latest.map(WitnessState.Latest::size).orElse(0L);
		if (request.oldSize() != known) {
			log.debug("Refused a checkpoint of {} at size {}: it extends size {}, the witness co-signed size {}",
					origin, checkpoint.size(), request.oldSize(), known);
			return new Response(409, SIZE_CONTENT_TYPE, known + "\n");
		}
		if (checkpoint.size() == 0 && !MessageDigest.isEqual(checkpoint.root(), EMPTY_TREE)) {
			log.debug("Refused a checkpoint of {}: at size 0 its root is not the empty tree's", origin);
			return Response.text(422, "a checkpoint of size 0 has the root of the empty tree");
		}
		if (latest.isPresent() && checkpoint.size() == known) {
			if (!MessageDigest.isEqual(latest.get().root(), checkpoint.root())) {
				log.warn("Split view: log {} signed a checkpoint at size {} with another root than the one "
						+ "this witness co-signed at that size", origin, known);
				return Response.text(422, "split view: another root at the co-signed size");
			}
			if (!request.proof().isEmpty()) {
				log.debug("Refused a checkpoint of {}: a proof between equal sizes must be empty", origin);
				return Response.text(422, "the consistency proof does not verify");
			}
		}
		else if (known == 0) {
			if (!request.proof().isEmpty()) {
				// tlog-witness: the proof MUST be empty from old size zero; any other
				// proof proves nothing
				log.debug("Refused a checkpoint of {}: a proof from size zero must be empty", origin);
				return Response.text(422, "the consistency proof from size 0 must be empty");
			}
		}
		else if (!AuditTree.verifyConsistency(known, checkpoint.size(), latest.get().root(), checkpoint.root(),
				request.proof())) {
			// a validly signed checkpoint that does not extend what was co-signed:
			// evidence of a rewritten history, or a client's bad proof
			log.warn("Log {} signed a checkpoint at size {} whose consistency proof from size {} does not verify",
					origin, checkpoint.size(), known);
			return Response.text(422, "the consistency proof does not verify");
		}
		this.state.record(origin, new WitnessState.Latest(checkpoint.size(), checkpoint.root()));
		SignedNote.Line line = Cosignature.sign(request.note().text(), this.key.keyName(), this.key.privateKey(),
				this.key.publicKey(), this.clock.instant());
		log.info("Co-signed log {} at size {}", origin, checkpoint.size());
		return new Response(200, TEXT, line.encoded());
	}

	/**
	 * A parsed add-checkpoint body: {@code old <size>\n}, up to 63 base64 hashes a line,
	 * a blank line, a signed checkpoint note.
	 */
	record Request(long oldSize, List<byte[]> proof, SignedNote.Note note, SignedNote.Checkpoint checkpoint) {

		static Request parse(byte[] body) {
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new SignedNote.Malformed("a request is UTF-8");
			}
			int end = text.indexOf('\n');
			if (end < 0 || !OLD_SIZE.matcher(text.substring(0, end)).matches()) {
				throw new SignedNote.Malformed("a request starts with old <size>");
			}
			long oldSize;
			try {
				oldSize = Long.parseLong(text.substring(4, end));
			}
			catch (NumberFormatException ex) {
				throw new SignedNote.Malformed("the old size is too large");
			}
			List<byte[]> proof = new ArrayList<>();
			int start = end + 1;
			while (true) {
				end = text.indexOf('\n', start);
				if (end < 0) {
					throw new SignedNote.Malformed("the proof lines end in a blank line");
				}
				if (end == start) {
					break;
				}
				if (proof.size() == MAX_PROOF_LINES) {
					throw new SignedNote.Malformed("a consistency proof has at most " + MAX_PROOF_LINES + " lines");
				}
				byte[] hash = SignedNote.base64(text.substring(start, end));
				if (hash.length != 32) {
					throw new SignedNote.Malformed("a proof line is a base64 SHA-256 hash");
				}
				proof.add(hash);
				start = end + 1;
			}
			SignedNote.Note note = SignedNote.parse(text.substring(end + 1));
			return new Request(oldSize, proof, note, SignedNote.Checkpoint.parse(note.text()));
		}

	}

	private static Function<String, List<SignedNote.VerifierKey>> lookup(Map<String, SignedNote.VerifierKey> logs) {
		return (origin) -> (logs.get(origin) != null) ? List.of(logs.get(origin)) : List.of();
	}

	/**
	 * Whether one of the log's keys signed the note and no line of any of them fails: a
	 * forged line under the retired key refuses the note as one under the active key
	 * does.
	 */
	private static boolean signedByTheLog(SignedNote.Note note, List<SignedNote.VerifierKey> keys) {
		boolean signed = false;
		for (SignedNote.VerifierKey key : keys) {
			boolean present = note.signatures()
				.stream()
				.anyMatch((line) -> line.keyName().equals(key.name()) && line.keyId() == key.keyId());
			if (present && !SignedNote.verify(note, key)) {
				return false;
			}
			signed |= present;
		}
		return signed;
	}

}
