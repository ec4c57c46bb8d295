package nl.ketenpoort.gateway.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints.Checkpoint;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.audit.internal.AuditTreeNodes;
import nl.ketenpoort.gateway.audit.internal.AuditWitnesses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence bundle of a JSON export ({@code docs/audit-formats.md}, "Evidence
 * bundle"), in every JSON export (API, console, portal): for each chained event the exact
 * text its hash covers and its inclusion proof in the tree of one signed checkpoint note,
 * with the note (and what witnesses co-signed) and the keys that verify it.
 * {@code audit verify --bundle} checks it with no database; so can anyone with RFC 9162
 * and C2SP signed notes.
 */
@Component
public class AuditEvidence {

	/** The bundle's format name; {@link #VERSION} changes when its meaning does. */
	public static final String FORMAT = "ketenpoort-audit-evidence";

	public static final int VERSION = 1;

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final AuditCheckpoints checkpoints;

	private final AuditSigningKeys keys;

	private final AuditWitnesses witnesses;

	AuditEvidence(JdbcClient jdbc, AuditCheckpoints checkpoints, AuditSigningKeys keys, AuditWitnesses witnesses) {
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		this.keys = keys;
		this.witnesses = witnesses;
	}

	/**
	 * The bundle for these events: the chained ones with their proofs, the staged ones
	 * (chained moments later) by id only.
	 */
	public Map<String, Object> bundle(List<AuditRecord> events) {
		List<AuditRecord> chained = events.stream().filter(AuditRecord::chained).toList();
		long last = chained.stream().mapToLong(AuditRecord::position).max().orElse(0);
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("format", FORMAT);
		bundle.put("version", VERSION);
		bundle.put("origin", this.keys.origin());
		Optional<Checkpoint> checkpoint = (last == 0) ? Optional.empty()
				: this.checkpoints.covering(last, (candidate) -> candidate.note() != null);
		checkpoint.ifPresent((signed) -> {
			bundle.put("treeSize", signed.position());
			bundle.put("checkpoint", this.witnesses.cosigned(signed));
		});
		bundle.put("logKeys", this.keys.noteVerifierKeys());
		bundle.put("witnessKeys", this.witnesses.verifierKeys());
		bundle.put("witnessQuorum", this.witnesses.quorum());
		List<Map<String, Object>> entries = new ArrayList<>();
		if (checkpoint.isPresent()) {
			long size = checkpoint.get().position();
			List<List<byte[]>> proofs = AuditTreeNodes.withSubtrees(this.jdbc,
					(tree) -> chained.stream()
						.map((event) -> AuditTree.inclusionProof(tree, event.position() - 1, size))
						.toList());
			for (int i = 0; i < chained.size(); i++) {
				AuditRecord event = chained.get(i);
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("eventId", event.eventId());
				entry.put("position", event.position());
				entry.put("form", event.form());
				entry.put("prevHash", event.prevHash());
				entry.put("canonical", event.canonicalForm());
				entry.put("hash", event.hash());
				entry.put("inclusionProof", proofs.get(i).stream().map(HEX::formatHex).toList());
				entries.add(entry);
			}
		}
		bundle.put("events", entries);
		bundle.put("staged", events.stream().filter((event) -> !event.chained()).map(AuditRecord::eventId).toList());
		return bundle;
	}

}
