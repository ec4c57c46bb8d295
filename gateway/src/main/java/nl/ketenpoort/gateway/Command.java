package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command of the gateway's command line ({@code java -jar ketenpoort-gateway.jar
 * <group> <name> [args]}), run without a web server against the configured database. A
 * feature offers one by declaring a bean of this type.
 */
public interface Command {

	/** The first word, such as {@code partner} or {@code audit}. */
	String group();

	/** The second word, such as {@code register-key} or {@code verify}. */
	String name();

	/**
	 * The arguments after group and name, for the usage text, such as
	 * {@code <id> <file>}.
	 */
	String usage();

	/**
	 * Runs the command.
	 * @param args the arguments after group and name
	 * @param out where to write what the operator should read
	 * @return the process exit code: 0 for success
	 */
	int run(List<String> args, PrintWriter out);

}
