package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import nl.ketenpoort.gateway.Command;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar audit generate <count>
 * --i-know-this-is-not-production [--subjects <n>] [--batch <n>]}: a benchmark and demo
 * tool that appends synthetic, pseudonymous events to the audit chain of the configured
 * database, so that verification and search can be measured at volume.
 *
 * <p>
 * The events are valid links of the real chain and can never be removed again (the audit
 * table is append-only), so the command refuses to run without the explicit flag.
 */
@Component
class AuditGenerateCommand implements Command {

	static final String CONFIRMATION = "--i-know-this-is-not-production";

	private final SyntheticAuditEvents generator;

	AuditGenerateCommand(SyntheticAuditEvents generator) {
		this.generator = generator;
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
		return "<count> " + CONFIRMATION + " [--subjects <n>] [--batch <n>]";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		List<String> positional = new ArrayList<>();
		boolean confirmed = false;
		long subjects = 0;
		int batch = 10_000;
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
			else {
				positional.add(arg);
			}
		}
		if (!confirmed || positional.size() != 1) {
			out.println("Usage: audit generate " + usage());
			out.println("Appends synthetic events to the audit log for benchmarks and demos. They cannot be removed"
					+ " again: never run this against a production database.");
			return 2;
		}
		long count = Long.parseLong(positional.get(0));
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

}
