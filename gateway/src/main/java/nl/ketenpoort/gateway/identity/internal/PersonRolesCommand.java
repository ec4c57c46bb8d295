package nl.ketenpoort.gateway.identity.internal;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.identity.Role;

/**
 * {@code person roles <username> --role <role>…}: replaces the roles of an account
 * (within its kind: status holder or staff); audited as {@code person-roles-changed}.
 */
@Component
@picocli.CommandLine.Command(name = "roles", description = { "Replaces the roles of an account with the ones given.",
		"A status holder's account stays a status holder's, a staff member's a staff member's." })
class PersonRolesCommand implements Command {

	@Parameters(index = "0", paramLabel = "<username>", description = "The login name.")
	String username;

	@Option(names = "--role", required = true, paramLabel = "<role>",
			description = "A role (repeat for more): status-holder, case-manager, client-manager, privacy-officer,"
					+ " operator.")
	List<String> roles;

	@Spec
	CommandSpec spec;

	private final LocalAccounts accounts;

	PersonRolesCommand(LocalAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String group() {
		return "person";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		LocalAccounts.Changed changed = refusalAsUsageError(this.spec,
				() -> this.accounts.replaceRoles(this.username, roles(this.spec, this.roles)));
		out.println((changed.changed() ? "User " + changed.person().id() + " now has the roles "
				: "User " + changed.person().id() + " has the roles already: ")
				+ LocalAccounts.codes(changed.person().roles()) + ".");
		return OK;
	}

	/**
	 * What the account change gives, with a refusal shown as a usage error (exit 2, the
	 * reason on stderr), as the person commands all answer.
	 */
	static <T> T refusalAsUsageError(CommandSpec spec, Supplier<T> change) {
		try {
			return change.get();
		}
		catch (AccountRefused ex) {
			throw new ParameterException(spec.commandLine(), ex.getMessage());
		}
	}

	/** The roles named by their codes; a usage error for any other word. */
	static Set<Role> roles(CommandSpec spec, List<String> codes) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String code : codes) {
			Role role = Role.fromCode(code)
				.filter((found) -> found != Role.PARTNER)
				.orElseThrow(() -> new ParameterException(spec.commandLine(),
						"Unknown role; the roles are " + Arrays.stream(Role.values())
							.filter((found) -> found != Role.PARTNER)
							.map(Role::code)
							.collect(Collectors.joining(", ")) + "."));
			roles.add(role);
		}
		return roles;
	}

}
