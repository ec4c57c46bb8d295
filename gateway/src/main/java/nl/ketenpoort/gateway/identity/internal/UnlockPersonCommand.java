package nl.ketenpoort.gateway.identity.internal;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.context.ApplicationEventPublisher;
import nl.ketenpoort.gateway.identity.LoginUnlocked;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;

/**
 * {@code person unlock <username>}: lifts the lock that too many failed logins put on an
 * account and forgets its failures; audited as {@code login-unlocked}.
 */
@picocli.CommandLine.Command(name = "unlock",
		description = "Lifts the lock that too many failed logins put on an account and forgets its failures.")
class UnlockPersonCommand implements Command {

	@Parameters(index = "0", paramLabel = "<username>", description = "The login name.")
	String username;

	@Spec
	CommandSpec spec;

	private final People people;

	private final LoginKeys keys;

	private final LoginAttempts attempts;

	private final ApplicationEventPublisher events;

	UnlockPersonCommand(People people, LoginKeys keys, LoginAttempts attempts, ApplicationEventPublisher events) {
		this.people = people;
		this.keys = keys;
		this.attempts = attempts;
		this.events = events;
	}

	@Override
	public String group() {
		return "person";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Optional<Person> person = this.people.findByUsername(this.username);
		boolean wasLocked = this.attempts.unlock(this.keys.account(person.map(Person::id), this.username));
		if (!wasLocked) {
			out.println("That login was not locked; its failed attempts are forgotten.");
			return OK;
		}
		this.events.publishEvent(new LoginUnlocked(person.map((found) -> found.toActor(Set.of()))));
		out.println(person.isPresent() ? "Unlocked the login of user " + person.get().id() + "."
				: "Unlocked that username; it names no account.");
		return OK;
	}

}
