package nl.ketenpoort.gateway;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one {@link Command} in a gateway without a web server: the same configuration and
 * database as the service, so that operators use the jar they deploy.
 */
final class CommandLine {

	private CommandLine() {
	}

	/** Whether the arguments name a command rather than options for the service. */
	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	static int run(Class<?> application, String[] args) {
		// The process's own standard output, so that command results can be piped; logs
		// keep going to the logging system.
		PrintWriter out = new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
		String[] springArgs = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toArray(String[]::new);
		List<String> words = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			// A command runs beside a live gateway: it must not deliver, checkpoint or
			// purge.
			.properties("ketenpoort.delivery.enabled=false", "ketenpoort.scheduling.enabled=false")
			.logStartupInfo(false)
			.run(springArgs)) {
			List<Command> commands = context.getBeanProvider(Command.class)
				.orderedStream()
				.sorted(Comparator.comparing(Command::group).thenComparing(Command::name))
				.toList();
			for (Command command : commands) {
				if (words.size() >= 2 && command.group().equals(words.get(0)) && command.name().equals(words.get(1))) {
					return command.run(words.subList(2, words.size()), out);
				}
			}
			out.println("Unknown command. Commands:");
			commands.forEach((command) -> out.println("  java -jar ketenpoort-gateway.jar " + command.group() + " "
					+ command.name() + " " + command.usage()));
			return 2;
		}
		finally {
			out.flush();
		}
	}

}
