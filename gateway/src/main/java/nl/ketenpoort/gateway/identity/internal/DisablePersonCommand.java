package nl.ketenpoort.gateway.identity.internal;

import java.io.PrintWriter;

import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code person disable <username>}: disables an account, whose sessions and tokens stop
 * working at once; audited as {@code person-disabled}.
 */
@Component
@picocli.CommandLine.Command(name = "disable",
		description = "Disables an account: its login sessions and tokens stop working at once.")
class DisablePersonCommand implements Command {

	@Parameters(index = "0", paramLabel = "<username>", description = "The login name.")
	String username;

	@Spec
	CommandSpec spec;

	private final LocalAccounts accounts;

	DisablePersonCommand(LocalAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String group() {
		return "person";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		LocalAccounts.Changed disabled = PersonRolesCommand.refusalAsUsageError(this.spec,
				() -> this.accounts.disable(this.username));
		out.println(disabled.changed() ? "Disabled user " + disabled.person().id() + "."
				: "User " + disabled.person().id() + " was disabled already; nothing was changed.");
		return OK;
	}

}
