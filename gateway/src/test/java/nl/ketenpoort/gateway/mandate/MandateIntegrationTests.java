package nl.ketenpoort.gateway.mandate;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.identity.federation.TestProviders;
import nl.ketenpoort.gateway.portal.PageSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.mandate.internal.MandateTerm;
import nl.ketenpoort.gateway.mandate.internal.Representation;
import nl.ketenpoort.gateway.mandate.internal.Representations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandates through the API and the console: a case manager of the organisation that holds
 * the record records and revokes them, names the representative by account or by the BSN
 * they sign in with, nobody else sees them, and a mandate holds only until it ends. The
 * broker login that honours them is in {@code RepresentativeLoginIntegrationTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MandateIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	Representations representations;

	@Autowired
	DataSource dataSource;

	/** The V-number of each subject made here, or "" for those known by BSN. */
	private final Map<SubjectRef, String> vNumbers = new ConcurrentHashMap<>();

	private final Map<SubjectRef, String> bsns = new ConcurrentHashMap<>();

	private String coa;

	private String vwn;

	@BeforeAll
	void caseManagers() {
		this.coa = this.tokens.person(Role.CASE_MANAGER, "coa");
		this.vwn = this.tokens.person(Role.CASE_MANAGER, "vwn");
	}

	@Test
	void aCaseManagerRecordsAWrittenMandateAndReadsIt() {
		// given
		SubjectRef subject = newSubject(null);
		UUID representative = newRepresentative().id();
		String lastDay = LocalDate.now(MandateTerm.ZONE).plusMonths(6).toString();

		// when
		HttpResponse<String> recorded = record(this.coa, written(representative, subject, lastDay));
		String id = json(recorded).get("id").asString();
		HttpResponse<String> read = get("/api/v1/mandates/" + id, this.coa);

		// then
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.headers().firstValue("Location")).hasValue("/api/v1/mandates/" + id);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		JsonNode mandate = json(read);
		assertThat(mandate.get("representative").asString()).isEqualTo(representative.toString());
		assertThat(mandate.get("kind").asString()).isEqualTo("WRITTEN_MANDATE");
		assertThat(mandate.get("validUntil").asString()).isEqualTo(lastDay);
		assertThat(mandate.get("status").asString()).isEqualTo("active");
		assertThat(mandate.get("organisation").asString()).isEqualTo("coa");
		assertThat(read.body()).doesNotContain(subject.pseudonym(), this.vNumbers.get(subject));
		assertThat(auditRows("mandate-recorded", id)).containsExactly("WRITTEN_MANDATE " + subject.pseudonym());
		assertThat(auditText(id)).as("the evidence reference stays out of the audit log")
			.doesNotContain("DOSSIER-2026");
	}

	@Test
	void aGuardianshipEndsAtTheEighteenthBirthdayAndPastItIsRefused() {
		// given
		SubjectRef minor = newSubject(null);
		SubjectRef adult = newSubject(null);
		UUID representative = newRepresentative().id();
		LocalDate today = LocalDate.now(MandateTerm.ZONE);
		LocalDate born = today.minusYears(17).minusMonths(2);

		// when
		HttpResponse<String> guardianship = record(this.coa, guardianship(representative, minor, born.toString()));
		HttpResponse<String> tooOld = record(this.coa,
				guardianship(representative, adult, today.minusYears(18).minusDays(1).toString()));

		// then
		assertThat(guardianship.statusCode()).as(guardianship.body()).isEqualTo(201);
		assertThat(json(guardianship).get("endsAtEighteen").asBoolean()).isTrue();
		assertThat(json(guardianship).get("validUntil").asString())
			.isEqualTo(born.plusYears(18).minusDays(1).toString());
		assertProblem(tooOld, 422, "INVALID_MANDATE", "ALREADY_ADULT");
		assertThat(auditRows("mandate-record-refused", null)).contains("ALREADY_ADULT " + adult.pseudonym());
		assertThat(mandatesOf(adult)).isZero();
	}

	@Test
	void refusalsAreProblemsWithStableCodesThatNeverRepeatTheInput() {
		// given
		SubjectRef subject = newSubject(null);
		UUID representative = newRepresentative().id();
		UUID caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null).id();
		String lastDay = LocalDate.now(MandateTerm.ZONE).plusYears(1).toString();
		ObjectNode unknownSubject = written(representative, subject, lastDay).put("vNumber", "1234567");
		ObjectNode malformed = written(representative, subject, lastDay).put("vNumber", "V-12");
		ObjectNode markup = written(representative, subject, lastDay).put("evidenceReference", "<script>x</script>");
		ObjectNode stranger = written(UUID.randomUUID(), subject, lastDay);
		ObjectNode staff = written(caseManager, subject, lastDay);
		ObjectNode unknownKind = written(representative, subject, lastDay).put("kind", "POWER_OF_ATTORNEY");

		// when
		HttpResponse<String> first = record(this.coa, written(representative, subject, lastDay));
		HttpResponse<String> second = record(this.coa, written(representative, subject, lastDay));

		// then
		assertProblem(record(this.coa, unknownSubject), 400, "UNKNOWN_SUBJECT", "SUBJECT_UNKNOWN");
		assertProblem(record(this.coa, malformed), 400, "INVALID_SUBJECT", "V_NUMBER_MALFORMED");
		HttpResponse<String> script = record(this.coa, markup);
		assertProblem(script, 422, "INVALID_MANDATE", "EVIDENCE_REFERENCE_INVALID");
		assertThat(script.body()).doesNotContain("script");
		assertProblem(record(this.coa, stranger), 422, "INVALID_MANDATE", "REPRESENTATIVE_UNKNOWN");
		assertProblem(record(this.coa, staff), 422, "INVALID_MANDATE", "REPRESENTATIVE_NOT_ELIGIBLE");
		assertProblem(record(this.coa, unknownKind), 422, "INVALID_MANDATE", "KIND_UNKNOWN");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertProblem(second, 409, "MANDATE_OVERLAPS", "ACTIVE_MANDATE_EXISTS");
		assertThat(json(second).get("existingMandate").asString()).isEqualTo(json(first).get("id").asString());
		assertThat(mandatesOf(subject)).isEqualTo(1);
	}

	@Test
	void aStatusHolderOrAClientManagerCannotRecordAMandate() {
		// given
		SubjectRef subject = newSubject(null);
		UUID representative = newRepresentative().id();
		ObjectNode mandate = written(representative, subject, LocalDate.now(MandateTerm.ZONE).plusYears(1).toString());
		String statusHolder = this.tokens.person(Role.STATUS_HOLDER, null, subject.pseudonym());
		String clientManager = this.tokens.person(Role.CLIENT_MANAGER, "amsterdam");

		// when
		HttpResponse<String> byStatusHolder = record(statusHolder, mandate);
		HttpResponse<String> byClientManager = record(clientManager, mandate);

		// then
		assertProblem(byStatusHolder, 403, "FORBIDDEN", "ROLE_NOT_ALLOWED");
		assertProblem(byClientManager, 403, "FORBIDDEN", "ROLE_NOT_ALLOWED");
		assertThat(mandatesOf(subject)).isZero();
		assertThat(auditRows("mandate-record-refused", null)).contains("ROLE_NOT_ALLOWED " + subject.pseudonym());
	}

	@Test
	void aCaseManagerOfAnotherOrganisationCannotSeeOrRevokeTheMandate() {
		// given
		SubjectRef subject = newSubject(null);
		UUID representative = newRepresentative().id();
		String id = json(record(this.coa,
				written(representative, subject, LocalDate.now(MandateTerm.ZONE).plusYears(1).toString())))
			.get("id")
			.asString();

		// when
		HttpResponse<String> read = get("/api/v1/mandates/" + id, this.vwn);
		HttpResponse<String> revoked = post("/api/v1/mandates/" + id + "/revoke", this.vwn);

		// then
		assertProblem(read, 404, "NOT_FOUND", null);
		assertProblem(revoked, 404, "NOT_FOUND", null);
		assertThat(auditRows("access-denied", id)).containsExactly("NOT_OWN_MANDATE " + subject.pseudonym(),
				"NOT_OWN_MANDATE " + subject.pseudonym());
		assertThat(this.representations.check(representative, subject, Instant.now()))
			.isInstanceOf(Representation.Active.class);
	}

	@Test
	void aRevokedMandateCannotBeRevokedAgain() {
		// given
		SubjectRef subject = newSubject(null);
		String id = json(record(this.coa,
				written(newRepresentative().id(), subject, LocalDate.now(MandateTerm.ZONE).plusYears(1).toString())))
			.get("id")
			.asString();

		// when
		HttpResponse<String> revoked = post("/api/v1/mandates/" + id + "/revoke", this.coa);
		HttpResponse<String> again = post("/api/v1/mandates/" + id + "/revoke", this.coa);

		// then
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(json(revoked).get("status").asString()).isEqualTo("revoked");
		assertProblem(again, 409, "CONFLICT", "MANDATE_NOT_ACTIVE");
		assertThat(auditRows("mandate-revoked", id)).containsExactly("WRITTEN_MANDATE " + subject.pseudonym());
	}

	@Test
	void representsIsHonouredOnlyUnderAMandateThatHoldsAtThatMoment() {
		// given: a status holder known by BSN, and one representative with and one
		// without
		String bsn = newBsn();
		SubjectRef subject = newSubject(bsn);
		UUID representative = newRepresentative().id();
		UUID someoneElse = newRepresentative().id();
		Representation before = this.representations.check(representative, Bsn.parse(bsn), Instant.now());
		String id = json(record(this.coa,
				written(representative, subject, LocalDate.now(MandateTerm.ZONE).plusMonths(1).toString())))
			.get("id")
			.asString();
		Instant endsAt = Instant.parse(json(get("/api/v1/mandates/" + id, this.coa)).get("endsAt").asString());

		// when
		Representation now = this.representations.check(representative, Bsn.parse(bsn), Instant.now());
		Representation stranger = this.representations.check(someoneElse, Bsn.parse(bsn), Instant.now());
		Representation lastMoment = this.representations.check(representative, subject, endsAt.minusMillis(1));
		Representation pastValidUntil = this.representations.check(representative, subject, endsAt);
		post("/api/v1/mandates/" + id + "/revoke", this.coa);
		Representation afterRevocation = this.representations.check(representative, subject, Instant.now());

		// then
		assertThat(before).isEqualTo(new Representation.Refused(Representation.Reason.NO_MANDATE));
		assertThat(now).isInstanceOfSatisfying(Representation.Active.class, (active) -> {
			assertThat(active.mandateId()).hasToString(id);
			assertThat(active.subjectRef()).isEqualTo(subject.pseudonym());
		});
		assertThat(stranger).isEqualTo(new Representation.Refused(Representation.Reason.NO_MANDATE));
		assertThat(lastMoment).isInstanceOf(Representation.Active.class);
		assertThat(pastValidUntil).isEqualTo(new Representation.Refused(Representation.Reason.MANDATE_EXPIRED));
		assertThat(afterRevocation).isEqualTo(new Representation.Refused(Representation.Reason.MANDATE_REVOKED));
	}

	@Test
	void aGuardianshipNoLongerHoldsFromTheEighteenthBirthday() {
		// given
		SubjectRef minor = newSubject(null);
		UUID guardian = newRepresentative().id();
		LocalDate born = LocalDate.now(MandateTerm.ZONE).minusYears(18).plusDays(3);
		record(this.coa, guardianship(guardian, minor, born.toString()));
		Instant eighteen = born.plusYears(18).atStartOfDay(MandateTerm.ZONE).toInstant();

		// then
		assertThat(this.representations.check(guardian, minor, eighteen.minusSeconds(1)))
			.isInstanceOf(Representation.Active.class);
		assertThat(this.representations.check(guardian, minor, eighteen))
			.isEqualTo(new Representation.Refused(Representation.Reason.MANDATE_EXPIRED));
	}

	@Test
	void aCaseManagerNamesTheRepresentativeByTheBsnTheySignInWith() {
		// given: a guardian whom the registry knows as no status holder, two minors, and
		// a status holder who signs in with their own BSN
		String guardianBsn = newBsn();
		SubjectRef first = newSubject(null);
		SubjectRef second = newSubject(null);
		String statusHolderBsn = newBsn();
		SubjectRef statusHolder = newSubject(statusHolderBsn);
		String lastDay = LocalDate.now(MandateTerm.ZONE).plusYears(1).toString();

		// when
		HttpResponse<String> forFirst = record(this.coa, byBsn(guardianBsn, first, lastDay));
		HttpResponse<String> forSecond = record(this.coa, byBsn(guardianBsn, second, lastDay));
		HttpResponse<String> byStatusHolder = record(this.coa, byBsn(statusHolderBsn, first, lastDay));
		HttpResponse<String> self = record(this.coa, byBsn(statusHolderBsn, statusHolder, lastDay));
		HttpResponse<String> twice = record(this.coa,
				byBsn(guardianBsn, statusHolder, lastDay).put("representative", newRepresentative().id().toString()));
		HttpResponse<String> invalid = record(this.coa, byBsn("123456789", statusHolder, lastDay));

		// then: one account for the guardian, the one their broker sign-in reaches,
		// with no subject of its own
		assertThat(forFirst.statusCode()).as(forFirst.body()).isEqualTo(201);
		assertThat(forSecond.statusCode()).as(forSecond.body()).isEqualTo(201);
		String guardian = json(forFirst).get("representative").asString();
		assertThat(json(forSecond).get("representative").asString()).isEqualTo(guardian);
		assertThat(jdbc()
			.sql("SELECT array_to_string(roles, ',') || ' ' || coalesce(subject_ref, '-') || ' ' || provider_issuer"
					+ " || ' ' || (representative_ref IS NOT NULL) FROM identity_person WHERE id = ?::uuid")
			.param(guardian)
			.query(String.class)
			.single()).isEqualTo("status-holder - " + TestProviders.issuer("broker") + " true");
		// and the status holder's BSN reaches the account of their own subject
		assertThat(byStatusHolder.statusCode()).as(byStatusHolder.body()).isEqualTo(201);
		assertThat(jdbc().sql("SELECT subject_ref FROM identity_person WHERE id = ?::uuid")
			.param(json(byStatusHolder).get("representative").asString())
			.query(String.class)
			.single()).isEqualTo(statusHolder.pseudonym());
		assertProblem(self, 422, "INVALID_MANDATE", "REPRESENTS_SELF");
		assertProblem(twice, 422, "INVALID_MANDATE", "REPRESENTATIVE_TWICE");
		assertProblem(invalid, 422, "INVALID_MANDATE", "REPRESENTATIVE_BSN_INVALID");
		assertThat(invalid.body()).doesNotContain("123456789");
		assertThat(forFirst.body() + forSecond.body() + byStatusHolder.body()).doesNotContain(guardianBsn,
				statusHolderBsn);
		// and neither BSN is stored anywhere
		for (String table : List.of("identity_person", "mandate", "audit_event")) {
			assertThat(jdbc().sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ? OR t::text LIKE ?")
				.params("%" + guardianBsn + "%", "%" + statusHolderBsn + "%")
				.query(Long.class)
				.single()).as(table).isZero();
		}
	}

	@Test
	void theConsoleRecordsAndRevokesAMandateOfTheCaseManagersOwnOrganisation() {
		// given
		SubjectRef subject = newSubject(null);
		UUID representative = newRepresentative().id();
		TestTokens.Login coaLogin = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		TestTokens.Login vwnLogin = this.tokens.newPerson(Role.CASE_MANAGER, "vwn", null);
		PageSession coaPages = PageSession.logIn(this.port, coaLogin.username(), coaLogin.password());
		PageSession vwnPages = PageSession.logIn(this.port, vwnLogin.username(), vwnLogin.password());
		String reference = "NIDOS-" + UUID.randomUUID().toString().substring(0, 8);

		// when
		assertThat(coaPages.get("/console/mandates").statusCode()).isEqualTo(200);
		HttpResponse<String> recorded = coaPages.post("/console/mandates",
				Map.of("representative", representative.toString(), "vNumber", this.vNumbers.get(subject), "bsn", "",
						"kind", "NIDOS_GUARDIANSHIP", "evidenceReference", reference, "validUntil", "", "birthDate",
						LocalDate.now(MandateTerm.ZONE).minusYears(16).toString().substring(0, 7)));
		String id = this.representations.check(representative, subject,
				Instant.now()) instanceof Representation.Active active ? active.mandateId().toString() : "none";
		HttpResponse<String> refused = coaPages.post("/console/mandates", Map.of("representative",
				representative.toString(), "vNumber", "12", "kind", "WRITTEN_MANDATE", "evidenceReference", reference));
		vwnPages.get("/console/mandates");
		HttpResponse<String> foreign = vwnPages.post("/console/mandates/" + id + "/revoke", Map.of());
		coaPages.get("/console/mandates");
		HttpResponse<String> revoked = coaPages.post("/console/mandates/" + id + "/revoke", Map.of());

		// then
		assertThat(recorded.statusCode()).isEqualTo(200);
		assertThat(recorded.body()).contains("id=\"recorded\"", id, reference);
		assertThat(refused.body()).contains("class=\"error\"");
		assertThat(vwnPages.get("/console/mandates").body()).doesNotContain(reference);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(this.representations.check(representative, subject, Instant.now()))
			.isEqualTo(new Representation.Refused(Representation.Reason.MANDATE_REVOKED));

		// when: the representative named by the BSN they sign in with instead
		String guardianBsn = newBsn();
		HttpResponse<String> byBsn = coaPages.post("/console/mandates",
				Map.of("representative", "", "representativeBsn", guardianBsn, "vNumber", this.vNumbers.get(subject),
						"kind", "WRITTEN_MANDATE", "evidenceReference", reference, "validUntil",
						LocalDate.now(MandateTerm.ZONE).plusMonths(3).toString()));
		HttpResponse<String> both = coaPages.post("/console/mandates",
				Map.of("representative", representative.toString(), "representativeBsn", guardianBsn, "vNumber",
						this.vNumbers.get(subject), "kind", "WRITTEN_MANDATE", "evidenceReference", reference));

		// then
		assertThat(byBsn.statusCode()).isEqualTo(200);
		assertThat(byBsn.body()).contains("id=\"recorded\"").doesNotContain(guardianBsn);
		assertThat(both.body()).contains("class=\"error\"").doesNotContain(guardianBsn);
	}

	// --- helpers -----------------------------------------------------------------

	/** A new status holder known by a V-number, and by this BSN too when given. */
	private SubjectRef newSubject(@Nullable String bsn) {
		String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		SubjectRef subject = (bsn != null) ? this.subjects.enrol(Bsn.parse(bsn))
				: this.subjects.enrol(VNumber.parse(vNumber));
		this.vNumbers.put(subject, (bsn != null) ? "" : vNumber);
		if (bsn != null) {
			this.bsns.put(subject, bsn);
		}
		return subject;
	}

	/** Someone who signs in to the portal and has no data of their own. */
	private TestTokens.Login newRepresentative() {
		return this.tokens.newPerson(Role.STATUS_HOLDER, null, null);
	}

	/** A written mandate naming the representative by the BSN they sign in with. */
	private ObjectNode byBsn(String representativeBsn, SubjectRef subject, String lastDay) {
		ObjectNode mandate = written(UUID.randomUUID(), subject, lastDay);
		mandate.remove("representative");
		return mandate.put("representativeBsn", representativeBsn);
	}

	private ObjectNode written(UUID representative, SubjectRef subject, String lastDay) {
		return named(representative, subject).put("kind", "WRITTEN_MANDATE").put("validUntil", lastDay);
	}

	private ObjectNode guardianship(UUID representative, SubjectRef subject, String birthDate) {
		return named(representative, subject).put("kind", "NIDOS_GUARDIANSHIP").put("birthDate", birthDate);
	}

	private ObjectNode named(UUID representative, SubjectRef subject) {
		ObjectNode mandate = JSON.createObjectNode().put("representative", representative.toString());
		if (this.bsns.containsKey(subject)) {
			mandate.put("bsn", this.bsns.get(subject));
		}
		else {
			mandate.put("vNumber", this.vNumbers.get(subject));
		}
		return mandate.put("evidenceReference", "DOSSIER-2026/0042");
	}

	private HttpResponse<String> record(String token, ObjectNode mandate) {
		return send(HttpRequest.newBuilder(uri("/api/v1/mandates"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(mandate.toString())));
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
	}

	private HttpResponse<String> post(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.POST(BodyPublishers.noBody()));
	}

	private static void assertProblem(HttpResponse<String> response, int status, String code, @Nullable String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		if (reason != null) {
			assertThat(problem.get("reason").asString()).isEqualTo(reason);
		}
	}

	/** Reason and subject of the audit rows of a type, about one mandate if given. */
	private List<String> auditRows(String type, @Nullable String mandate) {
		this.fixtures.chained();
		return jdbc()
			.sql("SELECT coalesce(reason_code, '') || ' ' || coalesce(subject_ref, '') FROM audit_event"
					+ " WHERE event_type = ? AND (?::uuid IS NULL OR actor_mandate = ?::uuid) ORDER BY position")
			.params(type, mandate, mandate)
			.query(String.class)
			.list();
	}

	/** Every text column of the audit rows about one mandate. */
	private String auditText(String mandate) {
		this.fixtures.chained();
		return String.join(" ",
				jdbc().sql("SELECT row_to_json(a)::text FROM audit_event a WHERE actor_mandate = ?::uuid")
					.param(mandate)
					.query(String.class)
					.list());
	}

	private long mandatesOf(SubjectRef subject) {
		return jdbc().sql("SELECT count(*) FROM mandate WHERE subject_ref = ?")
			.param(subject.pseudonym())
			.query(Long.class)
			.single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	/** A random nine-digit number that passes the 11-test. */
	private static String newBsn() {
		while (true) {
			String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (9 - i) * (digits.charAt(i) - '0');
			}
			sum -= digits.charAt(8) - '0';
			if (sum % 11 == 0 && sum != 0) {
				return digits;
			}
		}
	}

}
