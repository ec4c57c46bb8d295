package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.util.ClassUtils;

/**
 * A command of the gateway's command line ({@code java -jar ketenpoort-gateway.jar
 * <group> <name> [options] [args]}), run without a web server against the configured
 * database. A feature offers one by declaring a bean of a class that implements this type
 * and carries picocli's {@code @Command} with its name, options and parameters;
 * {@link #call()} returns one of the exit codes below.
 */
public interface Command extends Callable<Integer> {

	/** Exit code: done, nothing to report. */
	int OK = 0;

	/**
	 * Exit code: the command ran and found something the operator must look at (a broken
	 * chain, links to review).
	 */
	int FINDING = 1;

	/** Exit code: a bad or missing argument or an unknown command; usage on stderr. */
	int USAGE = 2;

	/**
	 * Exit code: the command could not run (database unreachable, schema too old,
	 * credentials missing).
	 */
	int CANNOT_RUN = 3;

	/**
	 * Whether this run, as parsed, needs no gateway at all: it reads only files or serves
	 * on its own ({@code audit verify --bundle}, {@code witness serve}), so it runs
	 * without starting a context, a database or an embedded one, on a machine that has
	 * none. The instance is then the one picocli parsed, without its dependencies.
	 * @return true to run {@link #call()} without a context
	 */
	default boolean standalone() {
		return false;
	}

	/** The first word, such as {@code partner} or {@code audit}. */
	String group();

	/**
	 * The second word, such as {@code register-key} or {@code verify}: the name of its
	 * picocli {@code @Command}.
	 */
	default String name() {
		return ClassUtils.getUserClass(getClass()).getAnnotation(picocli.CommandLine.Command.class).name();
	}

	/**
	 * Parses the arguments after group and name and runs the command, writing results and
	 * messages to {@code out}: for tests and tools that run a command in their own
	 * process.
	 * @param args the arguments after group and name
	 * @param out where to write what the operator should read
	 * @return the process exit code
	 */
	default int run(List<String> args, PrintWriter out) {
		return OperatorCommandLine.execute(this, args, out, out);
	}

}
