package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;

import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-benchmarks.jar audit generate <count>
 * --i-know-this-is-not-production [--subjects=<n>] [--batch=<n>]}: a benchmark and demo
 * tool that appends synthetic, pseudonymous events to the audit chain of the configured
 * database, so that verification and search can be measured at volume. With
 * {@code --through-trail [--threads=<n>]} it appends them one by one through
 * {@link AuditTrail} instead and reports the cost of each append.
 *
 * <p>
 * The events are valid links of the real chain and can never be removed again (the audit
 * table is append-only), so the command refuses to run without the explicit flag.
 */
@Component
@picocli.CommandLine.Command(name = "generate",
		description = { "Appends synthetic, pseudonymous events to the audit log for benchmarks and demos.",
				"They cannot be removed again: never run this against a production database." })
class AuditGenerateCommand implements Command {

	static final String CONFIRMATION = "--i-know-this-is-not-production";

	private final SyntheticAuditEvents generator;

	private final AuditAppendTiming timing;

	// Defaults in the annotations: the command is a singleton bean, and picocli resets
	// each field to its default on every parse.
	@Parameters(index = "0", paramLabel = "<count>", description = "How many events to append.")
	long count;

	@Option(names = CONFIRMATION, defaultValue = "false",
			description = "Required: confirms that this database is not a production database.")
	boolean confirmed;

	@Option(names = "--subjects", defaultValue = "0", paramLabel = "<n>",
			description = "Pseudonymous subjects to spread the events over (default: count / 20).")
	long subjects;

	@Option(names = "--batch", defaultValue = "10000", paramLabel = "<n>",
			description = "Events per transaction (default: ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--through-trail", defaultValue = "false",
			description = "Append one by one through the audit trail and report the cost of each append.")
	boolean throughTrail;

	@Option(names = "--threads", defaultValue = "1", paramLabel = "<n>",
			description = "Threads for --through-trail (default: ${DEFAULT-VALUE}).")
	int threads;

	@Spec
	CommandSpec spec;

	AuditGenerateCommand(SyntheticAuditEvents generator, AuditAppendTiming timing) {
		this.generator = generator;
		this.timing = timing;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public Integer call() {
		if (!this.confirmed) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "Missing " + CONFIRMATION
					+ ": the events cannot be removed again, never run this against a" + " production database.");
		}
		if (this.count < 1 || this.batch < 1 || this.threads < 1 || this.subjects < 0) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"<count>, --batch and --threads must be positive.");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		long count = this.count;
		int threads = this.threads;
		if (this.throughTrail) {
			// The cost an exchange pays: one append per transaction, against an empty
			// transaction measured in the same run.
			this.timing.baseline((int) Math.min(count, 1000), threads);
			AuditAppendTiming.Timing baseline = this.timing.baseline((int) count, threads);
			AuditAppendTiming.Timing appends = this.timing.appends((int) count, threads);
			out.println("Empty transaction (baseline), " + threads + " threads: " + baseline);
			out.println("Audit append in its own transaction, " + threads + " threads: " + appends);
			out.println("Added per append: p50 " + (appends.p50Micros() - baseline.p50Micros()) + " us, p99 "
					+ (appends.p99Micros() - baseline.p99Micros()) + " us.");
			out.flush();
			return OK;
		}
		long subjectCount = (this.subjects > 0) ? this.subjects : Math.max(1, count / 20);
		long started = System.nanoTime();
		PrintWriter err = this.spec.commandLine().getErr();
		SyntheticAuditEvents.Generated generated = this.generator.append(count, subjectCount, this.batch,
				(done) -> err.println("Appended " + done + " of " + count + " synthetic audit events."));
		long millis = (System.nanoTime() - started) / 1_000_000;
		out.println("Appended " + generated.count() + " synthetic audit events about " + subjectCount
				+ " pseudonymous subjects at positions " + generated.firstPosition() + " to " + generated.lastPosition()
				+ " in " + millis + " ms.");
		out.flush();
		return OK;
	}

}
