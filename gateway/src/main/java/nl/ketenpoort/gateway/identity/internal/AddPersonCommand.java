package nl.ketenpoort.gateway.identity.internal;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import nl.ketenpoort.gateway.Command;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.identity.Person;

/**
 * {@code person add <username> --role <role> [--organisation <org>] [--v-number <v>]}:
 * adds a local account, for an organisation without an identity provider of its own.
 * Prints a generated password once (or takes one from stdin with
 * {@code --password-stdin}); audited as {@code person-added}.
 */
@Component
@picocli.CommandLine.Command(name = "add",
		description = { "Adds a local account, for an organisation without an identity provider of its own.",
				"Prints a generated password once; --password-stdin reads one from stdin instead.",
				"A status holder is linked to their existing record by --v-number (never stored)." })
public class AddPersonCommand implements Command {

	private static final int LONGEST_LINE = 1024;

	@Parameters(index = "0", paramLabel = "<username>", description = "The login name.")
	String username;

	@Option(names = "--role", required = true, paramLabel = "<role>",
			description = "A role (repeat for more): status-holder, case-manager, client-manager, privacy-officer,"
					+ " operator.")
	List<String> roles;

	// Explicit defaults: the command is a bean, run more than once in tests, and picocli
	// would otherwise take the value left by the previous run as the default.
	@Option(names = "--organisation", paramLabel = "<organisation>", defaultValue = Option.NULL_VALUE,
			description = "The organisation of staff, such as coa; required for all staff but operators.")
	@Nullable String organisation;

	@Option(names = "--v-number", paramLabel = "<v-number>", defaultValue = Option.NULL_VALUE,
			description = "A status holder's V-number, to link the account to their record; required for status"
					+ " holders. It is not stored.")
	@Nullable String vNumber;

	@Option(names = "--password-stdin", defaultValue = "false",
			description = "Read the password from the first line of stdin.")
	boolean passwordFromStdin;

	@Spec
	CommandSpec spec;

	/** Where {@code --password-stdin} reads: the process's standard input. */
	Supplier<InputStream> stdin = () -> new FileInputStream(FileDescriptor.in);

	private final LocalAccounts accounts;

	private final SecureRandom random = new SecureRandom();

	AddPersonCommand(LocalAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String group() {
		return "person";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		String password = this.passwordFromStdin ? readPassword() : generatedPassword();
		Person added = PersonRolesCommand.refusalAsUsageError(this.spec, () -> this.accounts.add(this.username,
				PersonRolesCommand.roles(this.spec, this.roles), this.organisation, this.vNumber, password));
		out.println("Added user " + added.id() + " (" + LocalAccounts.codes(added.roles())
				+ added.organisation().map((org) -> " at " + org).orElse("")
				+ added.subjectRef().map((subject) -> ", linked to subject " + subject).orElse("") + ").");
		if (this.passwordFromStdin) {
			out.println("The password is the one read from stdin.");
		}
		else {
			out.println("Password, shown only this once; hand it over safely: " + password);
		}
		return OK;
	}

	private String generatedPassword() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String readPassword() {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try (InputStream in = this.stdin.get()) {
			for (int read = in.read(); read != -1 && read != '\n'; read = in.read()) {
				if (line.size() >= LONGEST_LINE) {
					throw new ParameterException(this.spec.commandLine(), "The password line on stdin is too long.");
				}
				line.write(read);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the password from stdin", ex);
		}
		String read = line.toString(StandardCharsets.UTF_8);
		String password = read.endsWith("\r") ? read.substring(0, read.length() - 1) : read;
		return PersonRolesCommand.refusalAsUsageError(this.spec, () -> {
			LocalAccounts.checkPassword(password);
			return password;
		});
	}

}
