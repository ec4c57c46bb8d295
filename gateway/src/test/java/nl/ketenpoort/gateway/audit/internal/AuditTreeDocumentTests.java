package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import nl.ketenpoort.keys.Ed25519Keys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of the audit tree in {@code docs/audit-formats.md} is what
 * {@link AuditTree} computes.
 */
class AuditTreeDocumentTests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void theWorkedExampleIsWhatTheTreeComputes() throws IOException {
		String page = Files.readString(Path.of("..", "docs", "audit-formats.md"), StandardCharsets.UTF_8);
		List<byte[]> leaves = List.of(leaf("a"), leaf("b"), leaf("c"));
		AuditTree.Subtrees tree = AuditTree.of(leaves);

		assertThat(page).contains(row("leaf 0 = SHA-256(00 ‖ aa…aa)", leaves.get(0)))
			.contains(row("leaf 1", leaves.get(1)))
			.contains(row("leaf 2", leaves.get(2)))
			.contains(row("root of 2 = SHA-256(01 ‖ leaf 0 ‖ leaf 1)", AuditTree.root(tree, 2)))
			.contains(row("root of 3 = SHA-256(01 ‖ root of 2 ‖ leaf 2)", AuditTree.root(tree, 3)));
		assertThat(AuditTree.inclusionProof(tree, 0, 3)).containsExactly(leaves.get(1), leaves.get(2));
		assertThat(AuditTree.consistencyProof(tree, 2, 3)).containsExactly(leaves.get(2));
		assertThat(page).contains("| inclusion proof of leaf 0 in 3 | `[leaf 1, leaf 2]` |")
			.contains("| consistency proof from 2 to 3 | `[leaf 2]` |");
	}

	@Test
	void theCheckpointNoteExampleIsWhatTheGatewaySigns() throws Exception {
		String page = Files.readString(Path.of("..", "docs", "audit-formats.md"), StandardCharsets.UTF_8);
		AuditTree.Subtrees tree = AuditTree.of(List.of(leaf("a"), leaf("b"), leaf("c")));
		// the documented key: the Ed25519 key whose 32-byte seed is 0x01 … 0x20
		byte[] seed = new byte[32];
		for (int i = 0; i < seed.length; i++) {
			seed[i] = (byte) (i + 1);
		}
		SignedNote.Signer signer = SignedNote.Signer.of("ketenpoort.example/audit",
				Ed25519Keys.pairOf(Ed25519Keys.privateKey(seed)));
		String note = SignedNote
			.sign(new SignedNote.Checkpoint("ketenpoort.example/audit", 3, AuditTree.root(tree, 3)).text(), signer);

		assertThat(page).as("the documented note is\n" + note).contains("```text\n" + note + "```");
		assertThat(page).as("the documented key is " + signer.verifierKey().encoded())
			.contains("`" + signer.verifierKey().encoded() + "`");
	}

	private static byte[] leaf(String hexDigit) {
		return AuditTree.leafHash(HEX.parseHex(hexDigit.repeat(64)));
	}

	private static String row(String name, byte[] hash) {
		return "| " + name + " | `" + HEX.formatHex(hash) + "` |";
	}

}
