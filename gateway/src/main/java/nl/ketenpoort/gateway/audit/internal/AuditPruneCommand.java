package nl.ketenpoort.gateway.audit.internal;

import java.io.PrintWriter;
import java.util.List;

import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.CommandProgress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit prune}: removes the audit events whose
 * retention period has passed, from the latest signed checkpoint back, and exits 0; exits
 * 1 when the chain is broken (pruning would destroy that evidence) and 3 when it cannot
 * prune (no owner credentials, no signed checkpoint yet).
 */
@Component
@picocli.CommandLine.Command(name = "prune",
		description = {
				"Removes the audit events whose retention period has passed, before the latest signed"
						+ " checkpoint, under a signed pruning statement.",
				"Needs the schema owner's credentials (SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD)." })
public class AuditPruneCommand implements Command {

	static final String CONFIRMATION = "--i-understand-this-deletes-evidence";

	private final AuditPruner pruner;

	// Defaults in the annotations: the command is a singleton bean, and picocli resets
	// each field to its default on every parse.
	@Option(names = "--dry-run", defaultValue = "false",
			description = "Show what would be pruned, per purpose, and delete nothing.")
	boolean dryRun;

	@Option(names = CONFIRMATION, defaultValue = "false",
			description = "Prune although a retention period is shorter than ketenpoort.audit.retention.minimum.")
	boolean belowMinimum;

	@Spec
	CommandSpec spec;

	public AuditPruneCommand(AuditPruner pruner) {
		this.pruner = pruner;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		List<String> tooShort = this.pruner.retention().shorterThanMinimum();
		if (!tooShort.isEmpty() && !this.belowMinimum) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"Refused: retention " + String.join(", ", tooShort) + " is shorter than the minimum "
							+ this.pruner.retention().minimum() + " (ketenpoort.audit.retention.minimum) and would"
							+ " delete recent evidence; add " + CONFIRMATION + " if that is intended.");
		}
		if (this.dryRun) {
			AuditPruner.Preview preview = this.pruner.preview();
			out.println("Dry run: would prune " + preview.events()
					+ " audit events before the signed checkpoint at position " + preview.anchorPosition()
					+ "; nothing was deleted.");
			preview.perPurpose().forEach((purpose, events) -> out.println("  " + purpose + "\t" + events));
			return OK;
		}
		AuditPruner.Result result;
		// Pruning first verifies the chain up to its checkpoint: most of its time.
		try (CommandProgress progress = CommandProgress.start(this.spec.commandLine().getErr(),
				"Verified before pruning up to position", this.pruner::verifiedUpTo, 0)) {
			result = this.pruner.prune();
		}
		if (result.refusal() != null) {
			out.println("Nothing pruned: " + result.refusal() + ".");
			return result.chainBroken() ? FINDING : CANNOT_RUN;
		}
		if (result.pruningId() == null) {
			out.println("No audit events have passed their retention period before the signed checkpoint at position "
					+ result.anchorPosition() + ".");
			return OK;
		}
		out.println("Pruned " + result.events() + " audit events in " + result.ranges()
				+ ((result.ranges() == 1) ? " range" : " ranges") + " before the signed checkpoint at position "
				+ result.anchorPosition() + "; signed pruning statement " + result.pruningId() + ".");
		return OK;
	}

}
