package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.util.List;

import nl.ketenpoort.gateway.Command;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit verify [from] [to]}: checks the audit
 * chain of the configured database, prints how many events it checked, and exits 0 when
 * intact or 1 with the first bad position and its kind.
 */
@Component
class AuditVerifyCommand implements Command {

	private final AuditChainVerifier verifier;

	AuditVerifyCommand(AuditChainVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public String usage() {
		return "[from-position] [to-position]";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		long from = (args.size() > 0) ? Long.parseLong(args.get(0)) : 1;
		long to = (args.size() > 1) ? Long.parseLong(args.get(1)) : Long.MAX_VALUE;
		ChainVerification result = this.verifier.verifyOnRequest(from, to);
		out.println(
				"Checked " + result.checked() + " audit events and " + result.checkpoints() + " signed checkpoints.");
		if (result.pruned() > 0) {
			out.println("Linked through " + result.pruned()
					+ " events that retention pruned, under signed pruning statements.");
		}
		if (result.intact()) {
			out.println("The audit chain is intact.");
			return 0;
		}
		out.println("The audit chain is broken at position " + result.firstBadPosition() + ": "
				+ result.kind().name().toLowerCase() + ".");
		return 1;
	}

}
