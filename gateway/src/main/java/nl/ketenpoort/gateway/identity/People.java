package nl.ketenpoort.gateway.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import nl.ketenpoort.gateway.identity.internal.IdentitySettingsInvalid;

/**
 * The people who log in, in PostgreSQL. The login principal is named by the user id,
 * never the username, so that tokens and logs carry no names.
 */
public class People implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	public People(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	/**
	 * Adds a person.
	 * @param username the login name
	 * @param password the password, stored only as a hash
	 * @param roles the roles; never {@link Role#PARTNER}
	 * @param organisation organisation code for staff
	 * @param subjectRef the subject pseudonym, for status holders
	 * @return the new user id
	 */
	public UUID create(String username, String password, Set<Role> roles, @Nullable String organisation,
			@Nullable String subjectRef) {
		if (roles.isEmpty() || roles.contains(Role.PARTNER)) {
			throw new IdentitySettingsInvalid("A person needs at least one role, and never the partner role");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO identity_person (id, username, password_hash, roles, organisation, subject_ref)
				VALUES (:id, :username, :hash, :roles, :organisation, :subject)""")
			.param("id", id)
			.param("username", username)
			.param("hash", this.passwords.encode(password))
			.param("roles", roles.stream().map(Role::code).sorted().toArray(String[]::new))
			.param("organisation", organisation)
			.param("subject", subjectRef)
			.update();
		return id;
	}

	/** Sets a new password. */
	public boolean changePassword(String username, String password) {
		return this.jdbc.sql("UPDATE identity_person SET password_hash = :hash WHERE username = :username")
			.param("hash", this.passwords.encode(password))
			.param("username", username)
			.update() == 1;
	}

	/** Links a status holder's login to their subject pseudonym. */
	public boolean linkSubject(UUID id, String subjectRef) {
		return this.jdbc.sql("UPDATE identity_person SET subject_ref = :subject WHERE id = :id")
			.param("subject", subjectRef)
			.param("id", id)
			.update() == 1;
	}

	/** Disables an account: its sessions and tokens stop working at once. */
	public boolean disable(UUID id) {
		return this.jdbc.sql("UPDATE identity_person SET active = false WHERE id = :id AND active")
			.param("id", id)
			.update() == 1;
	}

	/** Replaces the roles of an account. */
	public boolean replaceRoles(UUID id, Set<Role> roles) {
		if (roles.isEmpty() || roles.contains(Role.PARTNER)) {
			throw new IdentitySettingsInvalid("A person needs at least one role, and never the partner role");
		}
		return this.jdbc.sql("UPDATE identity_person SET roles = :roles WHERE id = :id")
			.param("roles", roles.stream().map(Role::code).sorted().toArray(String[]::new))
			.param("id", id)
			.update() == 1;
	}

	/** The active accounts linked to this subject pseudonym. */
	public java.util.List<Person> findActiveBySubject(String subjectRef) {
		return this.jdbc.sql("SELECT * FROM identity_person WHERE subject_ref = :subject AND active")
			.param("subject", subjectRef)
			.query(People::person)
			.list();
	}

	public Optional<Person> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM identity_person WHERE id = :id")
			.param("id", id)
			.query(People::person)
			.optional();
	}

	public Optional<Person> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM identity_person WHERE username = :username")
			.param("username", username)
			.query(People::person)
			.optional();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String hash = this.jdbc.sql("SELECT password_hash FROM identity_person WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.optional()
			.orElse(null);
		Person person = findByUsername(username).orElse(null);
		if (person == null || hash == null) {
			throw new UsernameNotFoundException("No such user");
		}
		return User.withUsername(person.id().toString())
			.password(hash)
			.disabled(!person.active())
			.authorities(person.roles().stream().map(Role::authority).toArray(String[]::new))
			.build();
	}

	private static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getObject("id", UUID.class), rs.getString("username"), roles(rs.getArray("roles")),
				Optional.ofNullable(rs.getString("organisation")), Optional.ofNullable(rs.getString("subject_ref")),
				rs.getBoolean("active"));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::fromCode).flatMap(Optional::stream).forEach(roles::add);
		return roles;
	}

}
