package nl.ketenpoort.gateway.audit.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.ketenpoort.gateway.Command;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.CommandProgress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.ChainVerification;

/**
 * {@code java -jar ketenpoort-gateway.jar audit verify [from] [to]}: checks the audit
 * chain of the configured database, prints how many events it checked, and exits 0 when
 * intact or 1 with the first bad position and its kind. With {@code --bundle FILE} it
 * checks an exported evidence bundle instead, with no database at all
 * ({@link AuditBundleVerifier}).
 */
@Component
@picocli.CommandLine.Command(name = "verify",
		description = { "Checks the audit chain of the configured database and prints how many events it checked.",
				"Exits 0 when intact, 1 with the first bad position and its kind.",
				"With --bundle, checks an exported evidence bundle (a JSON export) without any database:",
				"exits 0 when every event is in the signed checkpoint's tree, 1 naming the first that is not." })
public class AuditVerifyCommand implements Command {

	private final AuditChainVerifier verifier;

	// Every option has its default in the annotation: the command is a singleton bean,
	// and picocli resets a field to it on every parse.
	@Parameters(index = "0", arity = "0..1", defaultValue = "1", paramLabel = "<from-position>",
			description = "First position to check (default: 1).")
	long from;

	@Parameters(index = "1", arity = "0..1", defaultValue = "9223372036854775807", paramLabel = "<to-position>",
			description = "Last position to check (default: the head).")
	long to;

	@Option(names = "--bundle", paramLabel = "<file>",
			description = "An evidence bundle, or a JSON export that carries one, to check offline.")
	@Nullable Path bundle;

	@Option(names = "--log-key", paramLabel = "<verifier-key>",
			description = "A note key of the audit log to trust (<origin>+<key id>+<key>, from GET"
					+ " /api/v1/audit/checkpoints, kept elsewhere); repeatable. Default: the keys the bundle carries.")
	List<String> logKeys = new ArrayList<>();

	@Spec
	CommandSpec spec;

	public AuditVerifyCommand(AuditChainVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public boolean standalone() {
		return this.bundle != null;
	}

	@Override
	public Integer call() {
		if (this.bundle != null) {
			return verifyBundle(this.bundle);
		}
		if (this.from < 1 || this.to < this.from) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"Positions start at 1 and <to-position> may not be before <from-position>.");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		ChainVerification result;
		long first = this.from;
		long last = (this.to == Long.MAX_VALUE) ? this.verifier.head() : this.to;
		try (CommandProgress progress = CommandProgress.start(this.spec.commandLine().getErr(), "Verified",
				() -> Math.max(0, this.verifier.reached() - first + 1), Math.max(0, last - first + 1))) {
			result = this.verifier.verifyOnRequest(this.from, this.to);
		}
		out.println(
				"Checked " + result.checked() + " audit events and " + result.checkpoints() + " signed checkpoints.");
		if (result.pruned() > 0) {
			out.println("Linked through " + result.pruned()
					+ " events that retention pruned, under signed pruning statements.");
		}
		if (result.intact()) {
			out.println("The audit chain is intact.");
			return OK;
		}
		out.println("The audit chain is broken at position " + result.firstBadPosition() + ": "
				+ result.kind().name().toLowerCase() + ".");
		return FINDING;
	}

	private int verifyBundle(Path file) {
		PrintWriter out = this.spec.commandLine().getOut();
		AuditBundleVerifier.Result result;
		try {
			result = AuditBundleVerifier.verify(file, this.logKeys);
		}
		catch (java.io.IOException ex) {
			this.spec.commandLine().getErr().println("Cannot run: the bundle cannot be read: " + file);
			return CANNOT_RUN;
		}
		catch (AuditBundleVerifier.NotABundle ex) {
			this.spec.commandLine().getErr().println("Cannot run: " + ex.getMessage() + ": " + file);
			return CANNOT_RUN;
		}
		if (result.logKey() != null) {
			out.println("Checkpoint of " + result.origin() + " at tree size " + result.treeSize()
					+ " verified with log key " + result.logKey()
					+ (result.keysFromBundle() ? " (the bundle's own key: pin it with --log-key)." : "."));
			out.println("Co-signed by " + result.cosigned() + " witnesses (quorum " + result.quorum() + ")"
					+ ((result.quorum() > 0 && result.cosigned() >= result.quorum()) ? ": witnessed." : "."));
		}
		out.println("Checked " + result.events() + " audit events against the checkpoint.");
		if (result.intact()) {
			out.println("The bundle is intact.");
			return OK;
		}
		out.println("The bundle is broken: " + result.problem() + ".");
		return FINDING;
	}

}
