package nl.ketenpoort.gateway.audit.internal;

import nl.ketenpoort.gateway.audit.AuditEvidence;
import nl.ketenpoort.gateway.audit.AuditRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an evidence bundle ({@link AuditEvidence}) with nothing but the file: no
 * database, no gateway. Each event's hash is recomputed from the text it covers, its
 * inclusion proof must lead to the root of the bundle's checkpoint note (RFC 9162), and
 * that note must carry a valid signature of a log key under its origin (C2SP signed
 * note). The log keys are the ones the verifier was given, or else the bundle's own
 * (which only shows the bundle is whole, not who made it).
 */
public final class AuditBundleVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	private AuditBundleVerifier() {
	}

	/**
	 * The outcome.
	 *
	 * @param events how many events were checked
	 * @param treeSize the size of the tree the checkpoint signs
	 * @param origin the log's origin
	 * @param logKey the verifier key that verified the checkpoint; null when none did
	 * @param keysFromBundle whether the log keys were the bundle's own
	 * @param cosigned how many witnesses' cosignatures verified
	 * @param quorum how many the bundle says make it witnessed
	 * @param problem what is wrong, naming the event where it is one; null when intact
	 */
	public record Result(int events, long treeSize, String origin, @Nullable String logKey, boolean keysFromBundle,
			int cosigned, int quorum, @Nullable String problem) {

		public boolean intact() {
			return this.problem == null;
		}

	}

	/** A file that is no evidence bundle of a version this verifier reads. */
	public static final class NotABundle extends RuntimeException {

		NotABundle(String message) {
			super(message);
		}

	}

	/**
	 * Verifies the bundle in {@code file}: a bundle itself, or a JSON export that carries
	 * one under {@code evidence}.
	 * @param file the file
	 * @param pinnedKeys log verifier keys to trust; empty to use the bundle's own
	 */
	public static Result verify(Path file, List<String> pinnedKeys) throws IOException {
		JsonNode root;
		try {
			root = JSON.readTree(Files.readAllBytes(file));
		}
		catch (JacksonException ex) {
			throw new NotABundle("the file is not JSON");
		}
		JsonNode bundle = root.has("evidence") ? root.get("evidence") : root;
		if (!AuditEvidence.FORMAT.equals(text(bundle, "format"))) {
			throw new NotABundle("the file is no " + AuditEvidence.FORMAT + " bundle");
		}
		if (!bundle.path("version").isInt() || bundle.path("version").asInt() != AuditEvidence.VERSION) {
			throw new NotABundle("bundle version " + bundle.path("version") + " is not one this verifier reads ("
					+ AuditEvidence.VERSION + ")");
		}
		String origin = text(bundle, "origin");
		List<String> keys = pinnedKeys.isEmpty() ? strings(bundle.path("logKeys")) : pinnedKeys;
		boolean fromBundle = pinnedKeys.isEmpty();
		List<JsonNode> events = new ArrayList<>();
		bundle.path("events").forEach(events::add);
		int quorum = bundle.path("witnessQuorum").asInt(0);
		if (!bundle.hasNonNull("checkpoint")) {
			return new Result(0, 0, origin, null, fromBundle, 0, quorum,
					events.isEmpty() ? null : "the bundle has events but no checkpoint");
		}
		SignedNote.Note note;
		SignedNote.Checkpoint checkpoint;
		try {
			note = SignedNote.parse(text(bundle, "checkpoint"));
			checkpoint = SignedNote.Checkpoint.parse(note.text());
		}
		catch (SignedNote.Malformed ex) {
			return new Result(0, 0, origin, null, fromBundle, 0, quorum,
					"the checkpoint is malformed: " + ex.getMessage());
		}
		Optional<String> signer = keys.stream().filter((key) -> signs(note, checkpoint, key)).findFirst();
		if (signer.isEmpty()) {
			return new Result(0, checkpoint.size(), checkpoint.origin(), null, fromBundle, 0, quorum,
					"no log key verifies the checkpoint of " + checkpoint.origin() + " at size " + checkpoint.size());
		}
		int cosigned = 0;
		for (String key : strings(bundle.path("witnessKeys"))) {
			Cosignature.VerifierKey witness;
			try {
				witness = Cosignature.VerifierKey.parse(key);
			}
			catch (SignedNote.Malformed ex) {
				return new Result(0, checkpoint.size(), checkpoint.origin(), signer.get(), fromBundle, 0, quorum,
						"a witness key of the bundle is malformed");
			}
			Cosignature.Status status = Cosignature.check(note, witness).status();
			if (status == Cosignature.Status.FORGED) {
				return new Result(0, checkpoint.size(), checkpoint.origin(), signer.get(), fromBundle, cosigned, quorum,
						"the cosignature of witness " + witness.name() + " does not verify");
			}
			cosigned += (status == Cosignature.Status.VALID) ? 1 : 0;
		}
		int checked = 0;
		for (JsonNode event : events) {
			Optional<String> problem = problem(event, checkpoint);
			if (problem.isPresent()) {
				return new Result(checked, checkpoint.size(), checkpoint.origin(), signer.get(), fromBundle, cosigned,
						quorum, "event " + text(event, "eventId") + " at position " + event.path("position").asLong()
								+ ": " + problem.get());
			}
			checked++;
		}
		return new Result(checked, checkpoint.size(), checkpoint.origin(), signer.get(), fromBundle, cosigned, quorum,
				null);
	}

	private static boolean signs(SignedNote.Note note, SignedNote.Checkpoint checkpoint, String key) {
		try {
			SignedNote.VerifierKey verifier = SignedNote.VerifierKey.parse(key);
			return verifier.name().equals(checkpoint.origin()) && SignedNote.verify(note, verifier);
		}
		catch (SignedNote.Malformed ex) {
			return false;
		}
	}

	/** What is wrong with one event, if anything. */
	private static Optional<String> problem(JsonNode event, SignedNote.Checkpoint checkpoint) {
		long position = event.path("position").asLong(0);
		if (position < 1 || position > checkpoint.size()) {
			return Optional.of("its position is not in the tree of the checkpoint");
		}
		String prevHash = text(event, "prevHash");
		String canonical = text(event, "canonical");
		String hash = text(event, "hash");
		if (prevHash == null || canonical == null || hash == null || !hash.matches("[0-9a-f]{64}")) {
			return Optional.of("its prevHash, canonical text or hash is missing");
		}
		if (!AuditRecord.chainHash(prevHash, canonical).equals(hash)) {
			return Optional.of("its content does not match its hash");
		}
		List<byte[]> proof = new ArrayList<>();
		for (String step : strings(event.path("inclusionProof"))) {
			if (!step.matches("[0-9a-f]{64}")) {
				return Optional.of("its inclusion proof is malformed");
			}
			proof.add(HEX.parseHex(step));
		}
		if (!AuditTree.verifyInclusion(position - 1, checkpoint.size(), AuditTree.leafHash(HEX.parseHex(hash)), proof,
				checkpoint.root())) {
			return Optional.of("it is not in the tree the checkpoint signs");
		}
		return Optional.empty();
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> {
			if (value.isString()) {
				values.add(value.asString());
			}
		});
		return values;
	}

}
