package nl.ketenpoort.gateway.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local accounts are kept by an operator with {@code person add|disable|roles}, each
 * audited by user id only: an added account can log in with the password printed once, a
 * status holder only with a record the registry knows, a disabled account loses its
 * session at once, roles are replaced within the account's kind, and every refusal is a
 * usage error (exit 2) that changes nothing.
 */
class PersonCommandsIntegrationTests extends GatewayIntegrationTest {

	private static final Pattern PASSWORD = Pattern.compile("hand it over safely: (\\S+)");

	@Autowired
	List<Command> commands;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AddPersonCommand add;

	@Autowired
	People people;

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	/** The end of the audit chain before the test: the scans look only past it. */
	private long head;

	@BeforeEach
	void rememberTheHead() {
		this.fixtures.chained();
		this.head = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void anAddedCaseManagerLogsInWithThePasswordPrintedOnce() {
		// when
		String username = username();
		Run added = run("add", username, "--role", "case-manager", "--organisation", "coa");

		// then
		assertThat(added.exit()).as(added.output()).isZero();
		Matcher password = PASSWORD.matcher(added.output());
		assertThat(password.find()).isTrue();
		PageSession session = PageSession.logIn(this.port, username, password.group(1));
		assertThat(session.get("/console").statusCode()).isEqualTo(200);
		Person person = this.people.findByUsername(username).orElseThrow();
		assertThat(person.organisation()).hasValue("coa");
		assertThat(audit(person.id())).contains("person-added OPERATOR CASE_MANAGER coa");
		assertNoUsernameInTheAuditLog(username);
	}

	@Test
	void aPasswordCanComeFromStdinAndMustNotBeShort() {
		String username = username();
		try {
			this.add.stdin = () -> new ByteArrayInputStream("too-short\n".getBytes(StandardCharsets.UTF_8));
			Run refused = run("add", username, "--role", "operator", "--password-stdin");
			this.add.stdin = () -> new ByteArrayInputStream(
					"a long enough passphrase\r\nignored".getBytes(StandardCharsets.UTF_8));
			Run added = run("add", username, "--role", "operator", "--password-stdin");

			assertThat(refused.exit()).isEqualTo(Command.USAGE);
			assertThat(refused.output()).contains("at least 12 characters");
			assertThat(added.exit()).as(added.output()).isZero();
			assertThat(added.output()).doesNotContain("passphrase").contains("read from stdin");
			assertThat(PageSession.logIn(this.port, username, "a long enough passphrase").get("/console").statusCode())
				.isEqualTo(200);
		}
		finally {
			this.add.stdin = () -> new FileInputStream(FileDescriptor.in);
		}
	}

	@Test
	void aStatusHolderIsAddedOnlyWithTheVNumberOfAKnownRecord() {
		// given a status holder the registry knows, and a V-number it does not
		String known = vNumber();
		String subject = this.subjects.enrol(VNumber.parse(known)).pseudonym();
		String unknown = vNumber();

		// when
		Run withoutVNumber = run("add", username(), "--role", "status-holder");
		Run withUnknown = run("add", username(), "--role", "status-holder", "--v-number", unknown);
		Run malformed = run("add", username(), "--role", "status-holder", "--v-number", "12ab");
		Run asStaff = run("add", username(), "--role", "status-holder", "--role", "case-manager", "--v-number", known);
		String username = username();
		Run added = run("add", username, "--role", "status-holder", "--v-number", known);
		Run second = run("add", username(), "--role", "status-holder", "--v-number", known);

		// then
		for (Run refused : List.of(withoutVNumber, withUnknown, malformed, asStaff, second)) {
			assertThat(refused.exit()).as(refused.output()).isEqualTo(Command.USAGE);
			assertThat(refused.output()).doesNotContain(known).doesNotContain(unknown).contains("Usage:");
		}
		assertThat(withoutVNumber.output()).contains("give --v-number");
		assertThat(withUnknown.output()).contains("knows no status holder with that V-number");
		assertThat(second.output()).contains("already has an active account");
		assertThat(added.exit()).as(added.output()).isZero();
		assertThat(added.output()).doesNotContain(known).contains(subject);
		Person person = this.people.findByUsername(username).orElseThrow();
		assertThat(person.subjectRef()).hasValue(subject);
		this.fixtures.chained();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'person-added'"
					+ " AND actor_id = ? AND subject_ref = ?")
			.params(person.id().toString(), subject)
			.query(Long.class)
			.single()).isOne();
		this.fixtures.chained();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event a WHERE position > ? AND a::text LIKE ?")
			.param(this.head)
			.param("%" + known + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void staffBelongToAKnownOrganisationExceptOperators() {
		assertThat(run("add", username(), "--role", "client-manager").exit()).isEqualTo(Command.USAGE);
		assertThat(run("add", username(), "--role", "client-manager", "--organisation", "nowhere").exit())
			.isEqualTo(Command.USAGE);
		assertThat(run("add", username(), "--role", "partner").exit()).isEqualTo(Command.USAGE);
		assertThat(run("add", "bad name", "--role", "operator").exit()).isEqualTo(Command.USAGE);
		assertThat(run("add", username(), "--role", "case-manager", "--organisation", "coa", "--v-number", vNumber())
			.exit()).isEqualTo(Command.USAGE);
		assertThat(run("add", username(), "--role", "operator").exit()).isZero();
	}

	@Test
	void aDisabledAccountLosesItsSessionAtOnceAndCannotLogIn() {
		// given
		String username = username();
		Run added = run("add", username, "--role", "privacy-officer", "--organisation", "amsterdam");
		Matcher password = PASSWORD.matcher(added.output());
		assertThat(password.find()).isTrue();
		PageSession session = PageSession.logIn(this.port, username, password.group(1));
		assertThat(session.get("/console").statusCode()).isEqualTo(200);

		// when
		Run disabled = run("disable", username);
		Run again = run("disable", username);
		Run unknown = run("disable", username());

		// then
		assertThat(disabled.exit()).as(disabled.output()).isZero();
		assertThat(again.exit()).isZero();
		assertThat(again.output()).contains("disabled already");
		assertThat(unknown.exit()).isEqualTo(Command.USAGE);
		assertThat(session.get("/console").statusCode()).isEqualTo(302);
		PageSession fresh = PageSession.anonymous(this.port);
		fresh.get("/login");
		assertThat(fresh.post("/login", Map.of("username", username, "password", password.group(1)))
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		UUID id = this.people.findByUsername(username).orElseThrow().id();
		assertThat(audit(id)).containsSubsequence("person-added OPERATOR PRIVACY_OFFICER amsterdam",
				"person-disabled OPERATOR PRIVACY_OFFICER amsterdam");
		assertThat(audit(id)).filteredOn((row) -> row.startsWith("person-disabled")).hasSize(1);
	}

	@Test
	void rolesAreReplacedWithinTheAccountsKind() {
		// given
		String username = username();
		assertThat(run("add", username, "--role", "case-manager", "--organisation", "coa").exit()).isZero();

		// when
		Run replaced = run("roles", username, "--role", "privacy-officer", "--role", "client-manager");
		Run toStatusHolder = run("roles", username, "--role", "status-holder");
		Run unknownRole = run("roles", username, "--role", "admin");
		Run unknownUser = run("roles", username(), "--role", "operator");

		// then
		assertThat(replaced.exit()).as(replaced.output()).isZero();
		assertThat(replaced.output()).contains("client-manager,privacy-officer");
		assertThat(this.people.findByUsername(username).orElseThrow().roles())
			.containsExactlyInAnyOrder(Role.PRIVACY_OFFICER, Role.CLIENT_MANAGER);
		assertThat(toStatusHolder.exit()).isEqualTo(Command.USAGE);
		assertThat(unknownRole.exit()).isEqualTo(Command.USAGE);
		assertThat(unknownRole.output()).contains("Unknown role");
		assertThat(unknownUser.exit()).isEqualTo(Command.USAGE);
		UUID id = this.people.findByUsername(username).orElseThrow().id();
		assertThat(audit(id)).endsWith("person-roles-changed OPERATOR CLIENT_MANAGER coa");
		assertNoUsernameInTheAuditLog(username);
	}

	private Run run(String name, String... args) {
		Command command = this.commands.stream()
			.filter((candidate) -> candidate.group().equals("person") && candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No command person " + name));
		StringWriter output = new StringWriter();
		int exit = command.run(List.of(args), new PrintWriter(output, true));
		return new Run(exit, output.toString());
	}

	private List<String> audit(UUID id) {
		this.fixtures.chained();
		return this.jdbc.sql(
				"SELECT event_type || ' ' || reason_code || ' ' || actor_role || ' ' || coalesce(actor_organisation, '-')"
						+ " FROM audit_event WHERE actor_id = ? AND event_type LIKE 'person-%' ORDER BY position")
			.param(id.toString())
			.query(String.class)
			.list();
	}

	private void assertNoUsernameInTheAuditLog(String username) {
		this.fixtures.chained();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event a WHERE position > ? AND a::text LIKE ?")
			.param(this.head)
			.param("%" + username + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private static String username() {
		return "it-person-" + UUID.randomUUID();
	}

	private static String vNumber() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
	}

	private record Run(int exit, String output) {
	}

}
