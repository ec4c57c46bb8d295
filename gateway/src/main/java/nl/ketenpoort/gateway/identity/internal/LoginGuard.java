package nl.ketenpoort.gateway.identity.internal;

import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.LoginFailed;
import nl.ketenpoort.gateway.identity.LoginLocked;
import nl.ketenpoort.gateway.identity.LoginSucceeded;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;

/**
 * The form login's password check, guarded: before the password hash is computed the
 * account and client address must not be throttled and the account not locked; every
 * checked attempt is counted and published ({@link LoginSucceeded}, {@link LoginFailed},
 * {@link LoginLocked}) for the audit log. An unknown username goes through exactly the
 * same steps, including a password hash, so that neither the answer nor its timing tells
 * whether an account exists.
 */
class LoginGuard implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

	private final AuthenticationProvider passwords;

	private final People people;

	private final LoginKeys keys;

	private final LoginAttempts attempts;

	private final ApplicationEventPublisher events;

	LoginGuard(AuthenticationProvider passwords, People people, LoginKeys keys, LoginAttempts attempts,
			ApplicationEventPublisher events) {
		this.passwords = passwords;
		this.people = people;
		this.keys = keys;
		this.attempts = attempts;
		this.events = events;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Optional<Person> person = this.people.findByUsername(username);
		String account = this.keys.account(person.map(Person::id), username);
		String address = this.keys.address((authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown");
		Optional<Actor> actor = person.map((found) -> found.toActor(Set.of()));
		LoginAttempts.Attempt attempt;
		try {
			attempt = this.attempts.begin(account, address);
		}
		catch (LoginThrottled refused) {
			log.debug("Refused a login without checking the password ({}): {}", refused.code(),
					(refused.retryAfter() != null) ? "this account and address wait another " + refused.retryAfter()
							: "the account is locked");
			throw refused;
		}
		try {
			Authentication authenticated = this.passwords.authenticate(authentication);
			this.attempts.succeeded(attempt);
			actor.ifPresent((who) -> this.events.publishEvent(new LoginSucceeded(who)));
			return authenticated;
		}
		catch (AuthenticationException ex) {
			String reason = (ex instanceof AccountStatusException) ? LoginFailed.ACCOUNT_DISABLED
					: LoginFailed.BAD_CREDENTIALS;
			log.debug("Refused a login: {}", reason);
			boolean locked = this.attempts.failed(attempt);
			this.events.publishEvent(new LoginFailed(actor, reason));
			if (locked) {
				log.debug("Locked an account after too many failed logins");
				this.events.publishEvent(new LoginLocked(actor));
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
