package nl.ketenpoort.gateway.audit.internal;

import java.io.PrintWriter;

import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit rotate-note-key}: retires the Ed25519 key
 * that signs the audit checkpoint notes and makes a new one, which every node signs with
 * from its next checkpoint; what the old key signed keeps verifying. It prints the new
 * verifier key, for the witnesses: they co-sign the next checkpoints once they know it.
 */
@Component
@picocli.CommandLine.Command(name = "rotate-note-key",
		description = { "Starts signing audit checkpoint notes with a new Ed25519 key; earlier notes verify on.",
				"Prints the new verifier key: give it to the witnesses (witness serve --log ORIGIN=KEY)." })
public class AuditRotateNoteKeyCommand implements Command {

	private final AuditSigningKeys keys;

	@Spec
	CommandSpec spec;

	public AuditRotateNoteKeyCommand(AuditSigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public Integer call() {
		this.keys.rotateNoteKey();
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("The audit checkpoint notes are signed with a new key from now on. Its verifier key:");
		out.println(this.keys.noteVerifierKeys().get(0));
		out.println("Give it to each witness as one more --log " + this.keys.origin() + "=<that key> (beside the"
				+ " old one); until then they refuse the new checkpoints, and co-sign the latest once they have it.");
		return OK;
	}

}
