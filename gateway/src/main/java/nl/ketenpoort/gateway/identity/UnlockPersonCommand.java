package nl.ketenpoort.gateway.identity;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.gateway.Command;

import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code person unlock <username>}: lifts the lock that too many failed logins put on an
 * account and forgets its failures; audited as {@code login-unlocked}.
 */
class UnlockPersonCommand implements Command {

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
	public String name() {
		return "unlock";
	}

	@Override
	public String usage() {
		return "<username>";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		if (args.size() != 1) {
			out.println("Usage: person unlock " + usage());
			return 2;
		}
		Optional<Person> person = this.people.findByUsername(args.get(0));
		boolean wasLocked = this.attempts.unlock(this.keys.account(person.map(Person::id), args.get(0)));
		if (!wasLocked) {
			out.println("That login was not locked; its failed attempts are forgotten.");
			return 0;
		}
		this.events.publishEvent(new LoginUnlocked(person.map((found) -> found.toActor(Set.of()))));
		out.println(person.isPresent() ? "Unlocked the login of user " + person.get().id() + "."
				: "Unlocked that username; it names no account.");
		return 0;
	}

}
