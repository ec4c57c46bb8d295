package nl.ketenpoort.gateway.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status holder's portal over HTTP with a login session: languages, grant and revoke
 * with the hash of the text shown, only one's own consents, the export, and who may not
 * enter.
 */
class PortalIntegrationTests extends GatewayIntegrationTest {

	private static final String PURPOSE = "handover-coa-municipality";

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	PurposeCatalogue catalogue;

	@Autowired
	DataSource dataSource;

	@Test
	void arabicIsWrittenRightToLeftAndRemembered() {
		// given
		PageSession holder = statusHolder(newSubject());

		// when
		HttpResponse<String> arabic = holder.get("/portal?lang=ar");
		HttpResponse<String> later = holder.get("/portal");

		// then
		assertThat(arabic.statusCode()).isEqualTo(200);
		assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">")
			.contains(this.catalogue.get(PURPOSE).text("ar").title())
			.contains("draft-notice");
		assertThat(later.body()).contains("<html lang=\"ar\" dir=\"rtl\">");
		assertThat(holder.get("/portal?lang=tr").body()).contains("<html lang=\"tr\" dir=\"ltr\">");
		assertThat(holder.get("/portal?lang=xx").body()).contains("<html lang=\"tr\" dir=\"ltr\">");
	}

	@Test
	void dutchIsTheDefaultAndNotADraft() {
		PageSession holder = statusHolder(newSubject());

		HttpResponse<String> page = holder.get("/portal");

		assertThat(page.body()).contains("<html lang=\"nl\" dir=\"ltr\">")
			.contains(this.catalogue.get(PURPOSE).text("nl").title())
			.doesNotContain("class=\"draft-notice\"");
		assertThat(page.body()).contains("Ketenpoort bewaart dit overzicht hoogstens 7 jaar");
	}

	@Test
	void grantRecordsTheHashOfTheTextShownAndRevokeEndsIt() {
		// given
		SubjectRef subject = newSubject();
		PageSession holder = statusHolder(subject);
		String page = holder.get("/portal?lang=fa").body();
		String shownHash = hiddenHash(page, PURPOSE);

		// when
		HttpResponse<String> granted = holder.post("/portal/consents",
				Map.of("purpose", PURPOSE, "language", "fa", "textSha256", shownHash));

		// then
		assertThat(granted.statusCode()).isEqualTo(302);
		List<Consent> consents = this.registry.listForSubject(subject);
		assertThat(consents).singleElement().satisfies((consent) -> {
			assertThat(consent.purpose()).isEqualTo(PURPOSE);
			assertThat(consent.language()).isEqualTo("fa");
			assertThat(consent.textSha256()).isEqualTo(this.catalogue.get(PURPOSE).text("fa").sha256());
			assertThat(consent.method().kind().code()).isEqualTo("portal");
		});
		assertThat(holder.get("/portal").body()).contains("revoke-" + consents.get(0).id());

		// when
		HttpResponse<String> revoked = holder.post("/portal/consents/" + consents.get(0).id() + "/revoke", Map.of());

		// then
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(this.registry.find(consents.get(0).id()).status()).isEqualTo(ConsentStatus.REVOKED);
		assertThat(holder.get("/portal").body()).contains("id=\"consents-revoked\"");
	}

	@Test
	void aHashOfAnotherTextIsRefused() {
		SubjectRef subject = newSubject();
		PageSession holder = statusHolder(subject);
		holder.get("/portal");

		holder.post("/portal/consents", Map.of("purpose", PURPOSE, "language", "ar", "textSha256",
				this.catalogue.get(PURPOSE).text("nl").sha256()));

		assertThat(this.registry.listForSubject(subject)).isEmpty();
		assertThat(holder.get("/portal").body()).contains("class=\"error\"");
	}

	@Test
	void aStatusHolderCannotSeeOrRevokeAnothersConsent() {
		// given
		SubjectRef amira = newSubject();
		PageSession amiraSession = statusHolder(amira);
		String hash = hiddenHash(amiraSession.get("/portal").body(), PURPOSE);
		amiraSession.post("/portal/consents", Map.of("purpose", PURPOSE, "language", "nl", "textSha256", hash));
		Consent consent = this.registry.listForSubject(amira).get(0);
		PageSession yonas = statusHolder(newSubject());

		// when
		String yonasPage = yonas.get("/portal").body();
		HttpResponse<String> revoke = yonas.post("/portal/consents/" + consent.id() + "/revoke", Map.of());

		// then
		assertThat(yonasPage).doesNotContain(consent.id().toString());
		assertThat(revoke.statusCode()).isEqualTo(404);
		assertThat(this.registry.find(consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		SubjectRef subject = newSubject();
		PageSession holder = statusHolder(subject);
		holder.get("/portal");

		HttpResponse<String> forged = holder.postRaw("/portal/consents", Map.of("purpose", PURPOSE, "language", "nl",
				"textSha256", this.catalogue.get(PURPOSE).text("nl").sha256()));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.registry.listForSubject(subject)).isEmpty();
	}

	@Test
	void exportHoldsTheOwnConsentsAndIsAudited() {
		// given
		SubjectRef subject = newSubject();
		PageSession holder = statusHolder(subject);
		String hash = hiddenHash(holder.get("/portal").body(), PURPOSE);
		holder.post("/portal/consents", Map.of("purpose", PURPOSE, "language", "nl", "textSha256", hash));
		holder.get("/portal");

		// when
		HttpResponse<String> export = holder.post("/portal/export", Map.of());

		// then
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("attachment"));
		JsonNode body = JSON.readTree(export.body());
		assertThat(body.get("consents").get(0).get("purpose").asString()).isEqualTo(PURPOSE);
		assertThat(body.get("events").values())
			.anySatisfy((event) -> assertThat(event.get("what").asString()).isEqualTo("consent-granted"));
		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'export' AND subject_ref = ?")
			.param(subject.pseudonym())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffAndStrangersDoNotEnterThePortal() {
		TestTokens.Login caseManager = this.tokens.newPerson(Role.CASE_MANAGER, "coa", null);
		PageSession staff = PageSession.logIn(this.port, caseManager.username(), caseManager.password());

		assertThat(staff.get("/portal").statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = PageSessionAnonymous.get(this.port, "/portal");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void aGrantForOneLanguageSchoolLetsTheReportReachThatSchoolAndNotTheOther() {
		// given: the language course purpose, whose report may go to either school
		String purpose = "language-course-placement";
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		PageSession session = statusHolder(holder.subject());
		String page = session.get("/portal").body();
		assertThat(page).contains("id=\"recipient-" + purpose + "-taalschool-a\"")
			.contains("id=\"recipient-" + purpose + "-taalschool-b\"")
			.doesNotContain("checked");
		String hash = hiddenHash(page, purpose);

		// when: the grant names no school, then one
		HttpResponse<String> unchosen = session.post("/portal/consents",
				Map.of("purpose", purpose, "language", "nl", "textSha256", hash));
		assertThat(this.registry.listForSubject(holder.subject())).as("nothing granted without a choice").isEmpty();
		assertThat(session.get(java.net.URI.create(unchosen.headers().firstValue("Location").orElseThrow()).getPath())
			.body()).contains("Kies wie het mag krijgen");
		session.post("/portal/consents",
				Map.of("purpose", purpose, "language", "nl", "textSha256", hash, "recipients", "taalschool-a"));

		// then: every consent of it names that school alone, where a route offered a
		// choice
		assertThat(this.registry.listForSubject(holder.subject())).isNotEmpty()
			.allSatisfy((consent) -> assertThat(consent.to()).containsExactly("taalschool-a"));
		assertThat(reportTo(holder, "taalschool-a").statusCode()).isEqualTo(202);
		HttpResponse<String> other = reportTo(holder, "taalschool-b");
		assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
	}

	private HttpResponse<String> reportTo(Fixtures.StatusHolder holder, String school) {
		tools.jackson.databind.node.ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "opstartklas-report");
		request.put("purpose", "language-course-placement");
		request.put("recipient", school);
		request.putObject("subject").put("vNumber", holder.vNumber());
		request.set("document", ExchangeExamples.about(ExchangeExamples.of("opstartklas-report"), holder.vNumber()));
		return send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("opstartklas"))
			.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.toString())));
	}

	private PageSession statusHolder(SubjectRef subject) {
		TestTokens.Login login = this.tokens.newPerson(Role.STATUS_HOLDER, null, subject.pseudonym());
		return PageSession.logIn(this.port, login.username(), login.password());
	}

	private SubjectRef newSubject() {
		return this.subjects
			.enrol(VNumber.parse(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))));
	}

	static String hiddenHash(String page, String purpose) {
		Matcher matcher = Pattern
			.compile("name=\"purpose\" value=\"" + purpose + "\">\\s*<input type=\"hidden\" name=\"language\""
					+ " value=\"[a-z]+\">\\s*<input type=\"hidden\" name=\"textSha256\" value=\"([0-9a-f]{64})\"")
			.matcher(page);
		assertThat(matcher.find()).as("grant form of " + purpose).isTrue();
		return matcher.group(1);
	}

}
