package nl.ketenpoort.gateway.audit.internal;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints.Checkpoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proofs over the audit tree against signed checkpoints: that one event is in the tree a
 * checkpoint signed (inclusion), and that a later checkpoint's tree extends an earlier
 * one's (consistency). Both verify with nothing but the checkpoints, the audit keys and
 * RFC 9162 §2.1 ({@code docs/audit-formats.md}).
 */
@Component
public class AuditProofs {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final AuditCheckpoints checkpoints;

	AuditProofs(JdbcClient jdbc, AuditCheckpoints checkpoints) {
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
	}

	/**
	 * The inclusion proof of a chained event in the tree of the latest checkpoint, which
	 * is signed first when none covers the event yet.
	 */
	public Map<String, Object> inclusion(AuditRecord event) {
		Checkpoint checkpoint = this.checkpoints.covering(event.position(), (candidate) -> candidate.treeRoot() != null)
			.orElseThrow(
					() -> new AuditTree.ProofOutOfRange("no signed tree head covers position " + event.position()));
		long index = event.position() - 1;
		List<byte[]> proof = AuditTreeNodes.withSubtrees(this.jdbc,
				(tree) -> AuditTree.inclusionProof(tree, index, checkpoint.position()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("eventId", event.eventId());
		answer.put("position", event.position());
		answer.put("eventHash", event.hash());
		answer.put("leafIndex", index);
		answer.put("leafHash", HEX.formatHex(AuditTree.leafHash(HEX.parseHex(event.hash()))));
		answer.put("treeSize", checkpoint.position());
		answer.put("inclusionProof", proof.stream().map(HEX::formatHex).toList());
		answer.put("checkpoint", checkpoint);
		return answer;
	}

	/** The consistency proof between the trees of two signed checkpoints. */
	public Map<String, Object> consistency(long first, long second) {
		Checkpoint from = signedAt(first);
		Checkpoint to = signedAt(second);
		List<byte[]> proof = AuditTreeNodes.withSubtrees(this.jdbc,
				(tree) -> AuditTree.consistencyProof(tree, from.position(), to.position()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("first", from);
		answer.put("second", to);
		answer.put("consistencyProof", proof.stream().map(HEX::formatHex).toList());
		return answer;
	}

	private Checkpoint signedAt(long size) {
		return this.checkpoints.at(size)
			.filter((checkpoint) -> checkpoint.treeRoot() != null)
			.orElseThrow(() -> new AuditTree.ProofOutOfRange("no signed checkpoint with a tree root at " + size));
	}

}
