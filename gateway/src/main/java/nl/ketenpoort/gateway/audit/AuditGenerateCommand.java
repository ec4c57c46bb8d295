package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import nl.ketenpoort.gateway.Command;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit generate <count>
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
class AuditGenerateCommand implements Command {

	static final String CONFIRMATION = "--i-know-this-is-not-production";

	private final SyntheticAuditEvents generator;

	private final AuditAppendTiming timing;

	private final Environment environment;

	AuditGenerateCommand(SyntheticAuditEvents generator, AuditAppendTiming timing, Environment environment) {
		this.generator = generator;
		this.timing = timing;
		this.environment = environment;
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String usage() {
		return "<count> " + CONFIRMATION + " [--subjects=<n>] [--batch=<n>] [--through-trail [--threads=<n>]]";
	}

	@Override
	public int run(List<String> words, PrintWriter out) {
		List<String> args = withOptions(words);
		List<String> positional = new ArrayList<>();
		boolean confirmed = false;
		long subjects = 0;
		int batch = 10_000;
		boolean throughTrail = false;
		int threads = 1;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (CONFIRMATION.equals(arg)) {
				confirmed = true;
			}
			else if ("--subjects".equals(arg) && i + 1 < args.size()) {
				subjects = Long.parseLong(args.get(++i));
			}
			else if ("--batch".equals(arg) && i + 1 < args.size()) {
				batch = Integer.parseInt(args.get(++i));
			}
			else if ("--through-trail".equals(arg)) {
				throughTrail = true;
			}
			else if ("--threads".equals(arg) && i + 1 < args.size()) {
				threads = Integer.parseInt(args.get(++i));
			}
			else {
				positional.add(arg);
			}
		}
		if (!confirmed || positional.size() != 1) {
			out.println("Usage: java -jar ketenpoort-gateway.jar audit generate " + usage());
			out.println("Appends synthetic events to the audit log for benchmarks and demos. They cannot be removed"
					+ " again: never run this against a production database.");
			return 2;
		}
		long count = Long.parseLong(positional.get(0));
		if (throughTrail) {
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
			return 0;
		}
		long subjectCount = (subjects > 0) ? subjects : Math.max(1, count / 20);
		long started = System.nanoTime();
		SyntheticAuditEvents.Generated generated = this.generator.append(count, subjectCount, batch,
				(done) -> out.println("Appended " + done + " of " + count + " synthetic audit events."));
		long millis = (System.nanoTime() - started) / 1_000_000;
		out.println("Appended " + generated.count() + " synthetic audit events about " + subjectCount
				+ " pseudonymous subjects at positions " + generated.firstPosition() + " to " + generated.lastPosition()
				+ " in " + millis + " ms.");
		out.flush();
		return 0;
	}

	/**
	 * The gateway's command line hands {@code --name[=value]} arguments to Spring as
	 * properties; this takes this command's options back from there.
	 */
	private List<String> withOptions(List<String> words) {
		List<String> args = new ArrayList<>(words);
		for (String flag : List.of(CONFIRMATION, "--through-trail")) {
			if (this.environment.containsProperty(flag.substring(2))) {
				args.add(flag);
			}
		}
		for (String option : List.of("subjects", "batch", "threads")) {
			String value = this.environment.getProperty(option);
			if (value != null && !value.isEmpty()) {
				args.add("--" + option);
				args.add(value);
			}
		}
		return args;
	}

}
