package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.util.List;

import nl.ketenpoort.gateway.Command;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit prune}: removes the audit events whose
 * retention period has passed, from the latest signed checkpoint back, and exits 0; exits
 * 1 when it may not prune (no owner credentials, no signed checkpoint yet, or a broken
 * chain).
 */
@Component
class AuditPruneCommand implements Command {

	private final AuditPruner pruner;

	AuditPruneCommand(AuditPruner pruner) {
		this.pruner = pruner;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public String name() {
		return "prune";
	}

	@Override
	public String usage() {
		return "";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		AuditPruner.Result result = this.pruner.prune();
		if (result.refusal() != null) {
			out.println("Nothing pruned: " + result.refusal() + ".");
			return 1;
		}
		if (result.pruningId() == null) {
			out.println("No audit events have passed their retention period before the signed checkpoint at position "
					+ result.anchorPosition() + ".");
			return 0;
		}
		out.println("Pruned " + result.events() + " audit events in " + result.ranges()
				+ ((result.ranges() == 1) ? " range" : " ranges") + " before the signed checkpoint at position "
				+ result.anchorPosition() + "; signed pruning statement " + result.pruningId() + ".");
		return 0;
	}

}
