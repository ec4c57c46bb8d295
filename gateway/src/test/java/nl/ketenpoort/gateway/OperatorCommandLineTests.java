package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's model without Spring: every command registered, with help, and usage
 * errors answered with exit 2 and a usage message.
 */
class OperatorCommandLineTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private CommandLine root() {
		return OperatorCommandLine.root(OperatorCommandLine.commandClasses(), OperatorCommandLine::unwired,
				new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

	@Test
	void everyCommandIsRegisteredUnderItsGroup() {
		assertThat(root().getSubcommands().keySet()).containsExactly("audit", "partner", "person", "subjects",
				"witness");
		// audit generate is a benchmark tool: the benchmarks jar offers it, the product
		// does
		// not.
		assertThat(root().getSubcommands().get("audit").getSubcommands().keySet()).containsExactly("build-tree",
				"prune", "rotate-note-key", "verify");
	}

	@Test
	void everyClassThatIsACommandIsNamedSoTheCommandLineFindsIt() {
		// the command line reads only classes named ...Command; one named otherwise
		// would be missing from it
		assertThat(OperatorCommandLine.commandClasses("**/*.class"))
			.containsExactlyInAnyOrderElementsOf(OperatorCommandLine.commandClasses())
			.hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void theRootAndEveryCommandAnswerHelpWithTheExitCodes() {
		CommandLine root = root();
		assertThat(root.execute("--help")).isZero();
		root.getSubcommands().forEach((group, groupLine) -> {
			assertThat(root().execute(group, "--help")).as(group).isZero();
			groupLine.getSubcommands().keySet().forEach((name) -> {
				this.out.getBuffer().setLength(0);
				assertThat(root().execute(group, name, "--help")).as(group + " " + name).isZero();
				assertThat(this.out.toString()).as(group + " " + name)
					.contains("Usage: " + OperatorCommandLine.JAR + " " + group + " " + name)
					.contains("--verbose")
					.contains("Exit codes:")
					.contains("cannot run");
			});
		});
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void aBadArgumentIsAUsageErrorWithoutAStackTrace() {
		for (List<String> words : List.of(List.of("audit", "verify", "abc"), List.of("audit", "verify", "1", "2", "3"),
				List.of("audit", "unknown"), List.of("person", "unlock"), List.of("audit", "verify", "--from=1"))) {
			this.err.getBuffer().setLength(0);

			int exit = root().execute(words.toArray(String[]::new));

			assertThat(exit).as(words.toString()).isEqualTo(Command.USAGE);
			assertThat(this.err.toString()).as(words.toString()).contains("Usage:").doesNotContain("Exception");
		}
		assertThat(this.out.toString()).isEmpty();
	}

}
