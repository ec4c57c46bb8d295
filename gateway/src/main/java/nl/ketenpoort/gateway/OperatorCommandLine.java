package nl.ketenpoort.gateway;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.ketenpoort.consent.ConsentRegistryConfiguration;
import nl.ketenpoort.gateway.database.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The gateway's command line: parses the words with picocli, and only when they name a
 * command correctly starts a quiet gateway without web server, migrations, routes or
 * schedulers against the configured database, and runs that command's bean.
 */
final class OperatorCommandLine {

	static final String JAR = "java -jar ketenpoort-gateway.jar";

	static final String VERBOSE = "--verbose";

	static final String COMMAND_CLASSES = "**/*Command.class";

	private static final Logger log = LoggerFactory.getLogger(OperatorCommandLine.class);

	private static final Map<String, String> GROUPS = Map.of("audit", "The audit log.", "partner",
			"Partner systems and their keys.", "person", "People's logins.", "subjects",
			"The subjects of exchanges and their identifiers.", "witness",
			"A witness that co-signs other logs' checkpoints.");

	private OperatorCommandLine() {
	}

	/** Whether the arguments name a command rather than options for the service. */
	static boolean isCommand(String[] args) {
		return args.length > 0 && (!args[0].startsWith("-") || "--help".equals(args[0]) || "-h".equals(args[0]));
	}

	static int run(String[] args) {
		// The process's own standard streams, so that results can be piped and logs go
		// elsewhere.
		PrintWriter out = writer(FileDescriptor.out);
		PrintWriter err = writer(FileDescriptor.err);
		try {
			return run(args, out, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	private static int run(String[] args, PrintWriter out, PrintWriter err) {
		// --name.with.dots=value stays a Spring property (--spring.datasource.url=…,
		// --ketenpoort.audit.retention.…), everything else is the command's.
		List<String> springArgs = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			(isProperty(arg) ? springArgs : words).add(arg);
		}
		// Parsed first with instances that have no dependencies: help and usage errors
		// cost no start-up and touch no database.
		CommandLine offline = root(commandClasses(), OperatorCommandLine::unwired, out, err);
		ParseResult parsed;
		try {
			parsed = offline.parseArgs(words.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			return usageError(ex, err);
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return Command.OK;
		}
		ParseResult leaf = parsed;
		while (leaf.hasSubcommand()) {
			leaf = leaf.subcommand();
		}
		if (!(leaf.commandSpec().userObject() instanceof Command chosen)) {
			err.println("Name a command:");
			leaf.commandSpec().commandLine().usage(err);
			return Command.USAGE;
		}
		boolean verbose = words.contains(VERBOSE);
		if (chosen.standalone()) {
			quietLogging(verbose);
			// parsed again and run by picocli, with the same handlers as a wired command
			return offline.execute(words.toArray(String[]::new));
		}
		ConfigurableApplicationContext context;
		try {
			context = start(springArgs, verbose);
		}
		catch (RuntimeException ex) {
			log.info("The gateway could not start for the command", ex);
			err.println("Cannot run: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			return Command.CANNOT_RUN;
		}
		try (context) {
			Optional<String> behind = context.getBean(SchemaVersion.class).behind();
			if (behind.isPresent()) {
				err.println(behind.get());
				return Command.CANNOT_RUN;
			}
			Command command = (Command) context.getBean(ClassUtils.getUserClass(chosen.getClass()));
			return execute(command, words.subList(2, words.size()), out, err);
		}
	}

	/**
	 * Starts the command context ({@link OperatorCommandContext}) quietly against the
	 * configured database, with its properties for commands.
	 */
	static ConfigurableApplicationContext start(List<String> springArgs, boolean verbose) {
		// Logback's console appender writes to System.out as it finds it at start-up:
		// pointed at stderr, every log line stays off the results.
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
		// Spring Boot warms up validation, Jackson and HTTP converters on a second
		// thread for a server; a command uses none of them, and on a busy machine that
		// thread takes CPU from the command's own start.
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		return builder(verbose).run(springArgs.toArray(String[]::new));
	}

	/**
	 * Logs of a command without a context as a wired command has them: on stderr, only
	 * warnings unless {@code --verbose}.
	 */
	private static void quietLogging(boolean verbose) {
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
		LoggingSystem logging = LoggingSystem.get(OperatorCommandLine.class.getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, verbose ? LogLevel.INFO : LogLevel.WARN);
	}

	/** The command context, not yet started: for the commands and their tests. */
	static SpringApplicationBuilder builder(boolean verbose) {
		String level = verbose ? "info" : "warn";
		return new SpringApplicationBuilder(OperatorCommandContext.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Only the beans a command uses are created: the rest of the gateway's
			// features stay bean definitions.
			.lazyInitialization(true)
			// A command runs beside a live gateway: it must not migrate, deliver,
			// checkpoint, purge or consume files; an older schema is refused instead.
			// The context has no scheduler, Camel or Flyway to start; the switches
			// stay for the gateway's own beans that read them.
			.properties("ketenpoort.delivery.enabled=false", "ketenpoort.scheduling.enabled=false",
					"spring.flyway.enabled=false", ConsentRegistryConfiguration.START_UP_TASKS + "=false",
					"logging.level.root=" + level, "logging.level.nl.ketenpoort=" + level);
	}

	/**
	 * Runs one command with picocli: usage errors exit 2 with the usage on {@code err},
	 * failures exit 3 with one line, never a stack trace.
	 */
	static int execute(Command command, List<String> args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = configure(new CommandLine(command), out, err);
		describe(commandLine.getCommandSpec());
		// The usage shows the words the operator types, not the command's own name alone.
		commandLine.setCommandName(JAR + " " + command.group() + " " + command.name());
		return commandLine.execute(args.toArray(String[]::new));
	}

	/** The whole tree of commands, built from the given command classes. */
	static CommandLine root(List<Class<? extends Command>> classes, Function<Class<?>, Command> instances,
			PrintWriter out, PrintWriter err) {
		CommandSpec rootSpec = CommandSpec.create().name(JAR);
		rootSpec.usageMessage()
			.description("Operator commands of Ketenpoort, run against the configured database without a web server.",
					"Results go to stdout, progress and logs to stderr; add --verbose for more logs.");
		CommandLine root = new CommandLine(describe(rootSpec));
		Map<String, CommandLine> groups = new LinkedHashMap<>();
		List<Command> commands = classes.stream()
			.map(instances)
			.sorted(Comparator.comparing(Command::group).thenComparing(Command::name))
			.toList();
		for (Command command : commands) {
			CommandLine group = groups.computeIfAbsent(command.group(), (name) -> {
				CommandSpec spec = CommandSpec.create().name(name);
				spec.usageMessage().description(GROUPS.getOrDefault(name, ""));
				CommandLine created = new CommandLine(describe(spec));
				root.addSubcommand(name, created);
				return created;
			});
			CommandLine leaf = new CommandLine(command);
			describe(leaf.getCommandSpec());
			group.addSubcommand(command.name(), leaf);
		}
		return configure(root, out, err);
	}

	private static CommandSpec describe(CommandSpec spec) {
		if (spec.findOption("--help") == null) {
			spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
		}
		if (spec.userObject() instanceof Command) {
			spec.addOption(OptionSpec.builder(VERBOSE)
				.description("Log what the gateway does (INFO, on stderr).")
				.arity("0")
				.build());
		}
		Map<String, String> codes = new LinkedHashMap<>();
		codes.put("0", "done");
		codes.put("1", "a finding (a broken chain, links to review)");
		codes.put("2", "usage error (bad or missing argument, unknown command)");
		codes.put("3", "cannot run (database unreachable, schema too old, credentials missing)");
		spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
		return spec;
	}

	private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
		return commandLine.setOut(out)
			.setErr(err)
			.setParameterExceptionHandler((ex, args) -> usageError(ex, err))
			.setExecutionExceptionHandler((ex, failed, parsed) -> {
				log.info("The command failed", ex);
				failed.getErr()
					.println("Cannot run: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
							+ " (--verbose shows more)");
				return Command.CANNOT_RUN;
			});
	}

	/** A usage error: what was wrong, then the usage of the command it concerns. */
	private static int usageError(ParameterException ex, PrintWriter err) {
		err.println(ex.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
		ex.getCommandLine().usage(err);
		return Command.USAGE;
	}

	/**
	 * The classes of every command of the gateway, found on the class path: classes named
	 * {@code …Command} (reading every class of the gateway would cost the command line
	 * about a second before it can even show its help).
	 */
	static List<Class<? extends Command>> commandClasses() {
		return commandClasses(COMMAND_CLASSES);
	}

	/** The classes that implement {@link Command} among those the pattern names. */
	@SuppressWarnings("unchecked")
	static List<Class<? extends Command>> commandClasses(String resourcePattern) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourcePattern(resourcePattern);
		scanner.addIncludeFilter(new AssignableTypeFilter(Command.class));
		return scanner.findCandidateComponents(OperatorCommandLine.class.getPackageName())
			.stream()
			.<Class<? extends Command>>map((candidate) -> (Class<? extends Command>) ClassUtils
				.resolveClassName(candidate.getBeanClassName(), OperatorCommandLine.class.getClassLoader()))
			.toList();
	}

	/**
	 * A command without its dependencies: enough to parse its arguments and show help.
	 */
	static Command unwired(Class<?> type) {
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		Object[] none = new Object[constructor.getParameterCount()];
		try {
			return (Command) constructor.newInstance(none);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot describe the command " + type.getName(), ex);
		}
	}

	private static boolean isProperty(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int end = arg.indexOf('=');
		return arg.substring(2, (end < 0) ? arg.length() : end).contains(".");
	}

	private static PrintWriter writer(FileDescriptor descriptor) {
		return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
	}

}
