package nl.ketenpoort.gateway.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.identity.PersonChanged;
import nl.ketenpoort.gateway.identity.Role;

/**
 * Local accounts, for organisations without an identity provider of their own, kept by an
 * operator with the {@code person} commands (there is no self-registration). The rules: a
 * status holder is a status holder only, without organisation, and is linked at once to a
 * subject the consent registry already knows (by V-number, never stored), which has no
 * other active account; staff other than operators belong to a known organisation; an
 * account keeps its kind (status holder or staff) for good. Every change is published as
 * {@link PersonChanged} for the audit log.
 */
@Component
class LocalAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

	static final int SHORTEST_PASSWORD = 12;

	/** bcrypt reads at most 72 bytes; a longer password would be cut silently. */
	static final int LONGEST_PASSWORD_BYTES = 72;

	private final People people;

	private final Partners partners;

	private final Subjects subjects;

	private final ApplicationEventPublisher events;

	LocalAccounts(People people, Partners partners, Subjects subjects, ApplicationEventPublisher events) {
		this.people = people;
		this.partners = partners;
		this.subjects = subjects;
		this.events = events;
	}

	/**
	 * Adds an account.
	 * @param vNumber the status holder's V-number, to find their subject; for status
	 * holders only
	 * @return the new account
	 * @throws AccountRefused when a rule forbids it
	 */
	Person add(String username, Set<Role> roles, @Nullable String organisation, @Nullable String vNumber,
			String password) {
		if (!USERNAME.matcher(username).matches()) {
			throw new AccountRefused(
					"A username is 2 to 64 letters, digits and . _ @ -, starting with a letter or" + " digit.");
		}
		if (this.people.findByUsername(username).isPresent()) {
			throw new AccountRefused("That username is taken; nothing was changed.");
		}
		checkPassword(password);
		String subject = null;
		if (roles.contains(Role.STATUS_HOLDER)) {
			requireStatusHolderOnly(roles);
			if (organisation != null) {
				throw new AccountRefused("A status holder belongs to no organisation: leave out --organisation.");
			}
			subject = subjectOf(vNumber).pseudonym();
		}
		else {
			if (vNumber != null) {
				throw new AccountRefused("Only a status holder is linked to a V-number: leave out --v-number.");
			}
			requireOrganisation(roles, organisation);
		}
		Person added = this.people.find(this.people.create(username, password, roles, organisation, subject))
			.orElseThrow();
		this.events.publishEvent(new PersonChanged(PersonChanged.Change.ADDED, added.toActor(Set.of())));
		return added;
	}

	/**
	 * Disables an account; its sessions and tokens stop working at once.
	 * @return the account, and whether it was active until now
	 */
	Changed disable(String username) {
		Person person = existing(username);
		boolean changed = this.people.disable(person.id());
		Person now = this.people.find(person.id()).orElseThrow();
		if (changed) {
			this.events.publishEvent(new PersonChanged(PersonChanged.Change.DISABLED, now.toActor(Set.of())));
		}
		return new Changed(now, changed);
	}

	/**
	 * Replaces the roles of an account, within its kind.
	 * @return the account with its new roles, and whether they differ from the old
	 */
	Changed replaceRoles(String username, Set<Role> roles) {
		Person person = existing(username);
		boolean statusHolder = person.roles().contains(Role.STATUS_HOLDER);
		if (statusHolder != roles.contains(Role.STATUS_HOLDER)) {
			throw new AccountRefused(
					"An account stays a status holder's or a staff member's: add a new account" + " for the other.");
		}
		if (statusHolder) {
			requireStatusHolderOnly(roles);
		}
		else {
			requireOrganisation(roles, person.organisation().orElse(null));
		}
		if (roles.equals(person.roles())) {
			return new Changed(person, false);
		}
		this.people.replaceRoles(person.id(), roles);
		Person now = this.people.find(person.id()).orElseThrow();
		this.events.publishEvent(new PersonChanged(PersonChanged.Change.ROLES_REPLACED, now.toActor(Set.of())));
		return new Changed(now, true);
	}

	/** Roles as the commands and the database name them, such as {@code case-manager}. */
	static String codes(Set<Role> roles) {
		return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
	}

	static void checkPassword(String password) {
		if (password.length() < SHORTEST_PASSWORD
				|| password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
			throw new AccountRefused("A password has at least " + SHORTEST_PASSWORD + " characters and at most "
					+ LONGEST_PASSWORD_BYTES + " bytes.");
		}
	}

	private Person existing(String username) {
		return this.people.findByUsername(username)
			.orElseThrow(() -> new AccountRefused("No account has that username; nothing was changed."));
	}

	private SubjectRef subjectOf(@Nullable String vNumber) {
		if (vNumber == null) {
			throw new AccountRefused("A status holder's account is linked to their record: give --v-number.");
		}
		Optional<SubjectRef> subject;
		try {
			subject = this.subjects.find(SubjectIdentifiers.of(VNumber.parse(vNumber)));
		}
		catch (IdentifierInvalid ex) {
			throw new AccountRefused("That is not a V-number (6 to 10 digits).");
		}
		SubjectRef found = subject.orElseThrow(() -> new AccountRefused(
				"The consent registry knows no status holder with that V-number: an account is linked only to a"
						+ " record that exists."));
		if (!this.people.findActiveBySubject(found.pseudonym()).isEmpty()) {
			throw new AccountRefused("That status holder already has an active account: disable it first.");
		}
		return found;
	}

	private static void requireStatusHolderOnly(Set<Role> roles) {
		if (roles.size() != 1) {
			throw new AccountRefused("A status holder has no other role: give --role status-holder alone.");
		}
	}

	private void requireOrganisation(Set<Role> roles, @Nullable String organisation) {
		Set<Role> withoutOrganisation = EnumSet.of(Role.OPERATOR);
		boolean needed = roles.stream().anyMatch((role) -> !withoutOrganisation.contains(role));
		if (organisation == null) {
			if (needed) {
				throw new AccountRefused("Staff other than operators belong to an organisation: give"
						+ " --organisation, one of " + organisations() + ".");
			}
			return;
		}
		if (!organisations().contains(organisation)) {
			throw new AccountRefused("Unknown organisation; the organisations are " + organisations() + ".");
		}
	}

	private Set<String> organisations() {
		return this.partners.all()
			.stream()
			.map(Partner::organisation)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	/**
	 * An account after a change.
	 *
	 * @param person the account as it is now
	 * @param changed whether anything changed
	 */
	record Changed(Person person, boolean changed) {

	}

}
