package nl.ketenpoort.gateway.consent;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case managers and client managers see and change only the consents whose route starts
 * or ends at their own organisation: listing a status holder's consents leaves out the
 * others, and reading or revoking one of them answers 404 and is audited.
 */
class ConsentAcrossOrganisationsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	DataSource dataSource;

	String vNumber;

	UUID coaToAmsterdam;

	UUID amsterdamToVwn;

	UUID coaToVwn;

	UUID vwnToCoaAndAmsterdam;

	@BeforeEach
	void consentsOnFourRoutes() {
		this.vNumber = Fixtures.newVNumber();
		SubjectRef subject = this.subjects.enrol(VNumber.parse(this.vNumber));
		this.coaToAmsterdam = grant(subject, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		this.amsterdamToVwn = grant(subject, "social-guidance-vwn", "raak", List.of("vvs"),
				DocumentType.of("trajectory-plan"));
		this.coaToVwn = grant(subject, "social-guidance-vwn", "tvs", List.of("vvs"), DocumentType.of("client-profile"));
		this.vwnToCoaAndAmsterdam = grant(subject, "handover-notice", "vvs", List.of("tvs", "raak"),
				DocumentType.of("handover-notice"));
	}

	@Test
	void aCaseManagerListsOnlyTheConsentsOfTheirOwnOrganisationsRoutes() {
		// given
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");
		String clientManager = this.tokens.person(Role.CLIENT_MANAGER, "amsterdam");
		String languageSchool = this.tokens.person(Role.CASE_MANAGER, "taalschool-a");

		// when
		List<String> coa = listed(caseManager);
		List<String> amsterdam = listed(clientManager);
		List<String> school = listed(languageSchool);

		// then
		assertThat(coa).containsExactlyInAnyOrder(this.coaToAmsterdam.toString(), this.coaToVwn.toString(),
				this.vwnToCoaAndAmsterdam.toString());
		assertThat(amsterdam).containsExactlyInAnyOrder(this.coaToAmsterdam.toString(), this.amsterdamToVwn.toString(),
				this.vwnToCoaAndAmsterdam.toString());
		assertThat(school).isEmpty();
	}

	@Test
	void aVNumberInTheQueryStringIsRefusedWithWhereItGoesInstead() {
		// given
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");

		// when
		HttpResponse<String> response = get("/api/v1/consents?vNumber=" + this.vNumber, caseManager);

		// then
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("code").asString()).isEqualTo("IDENTIFIER_IN_QUERY");
		assertThat(json(response).get("use").asString()).isEqualTo("POST /api/v1/consents/search");
		assertThat(response.body()).doesNotContain(this.vNumber);
	}

	@Test
	void aClientManagerCannotReadAnotherOrganisationsConsentAndTheAttemptIsAudited() {
		// given
		String clientManager = this.tokens.person(Role.CLIENT_MANAGER, "amsterdam");

		// when
		HttpResponse<String> foreign = get("/api/v1/consents/" + this.coaToVwn, clientManager);
		HttpResponse<String> own = get("/api/v1/consents/" + this.amsterdamToVwn, clientManager);
		HttpResponse<String> recipient = get("/api/v1/consents/" + this.vwnToCoaAndAmsterdam, clientManager);

		// then
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(json(foreign).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(deniedReads(this.coaToVwn)).as("the refused read is audited").isEqualTo(1);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(recipient.statusCode()).as("one of several recipients").isEqualTo(200);
		assertThat(deniedReads(this.amsterdamToVwn)).isZero();
	}

	@Test
	void aCaseManagerCannotRevokeAnotherOrganisationsConsent() {
		// given
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");

		// when
		HttpResponse<String> revoked = send(
				HttpRequest.newBuilder(uri("/api/v1/consents/" + this.amsterdamToVwn + "/revoke"))
					.header("Authorization", "Bearer " + caseManager)
					.POST(BodyPublishers.noBody()));

		// then
		assertThat(revoked.statusCode()).isEqualTo(404);
		assertThat(json(revoked).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(this.registry.status(this.amsterdamToVwn)).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(deniedReads(this.amsterdamToVwn)).as("the refused revocation is audited").isEqualTo(1);
	}

	@Test
	void aMunicipalClientManagerCannotRevokeAConsentFromCoaToVluchtelingenWerk() {
		// given
		String clientManager = this.tokens.person(Role.CLIENT_MANAGER, "amsterdam");

		// when
		HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + this.coaToVwn + "/revoke"))
			.header("Authorization", "Bearer " + clientManager)
			.POST(BodyPublishers.noBody()));

		// then
		assertThat(revoked.statusCode()).isEqualTo(404);
		assertThat(json(revoked).get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(this.registry.status(this.coaToVwn)).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(deniedReads(this.coaToVwn)).as("the refused revocation is audited").isEqualTo(1);
	}

	@Test
	void aCaseManagerRevokesAConsentOnTheirOwnOrganisationsRoute() {
		String caseManager = this.tokens.person(Role.CASE_MANAGER, "coa");

		HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/consents/" + this.coaToVwn + "/revoke"))
			.header("Authorization", "Bearer " + caseManager)
			.POST(BodyPublishers.noBody()));

		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(this.registry.status(this.coaToVwn)).isEqualTo(ConsentStatus.REVOKED);
	}

	private List<String> listed(String token) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/consents/search"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"vNumber\":\"" + this.vNumber + "\"}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).valueStream().map((consent) -> consent.get("id").asString()).toList();
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
	}

	private long deniedReads(UUID consent) {
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE event_type = 'access-denied' AND consent_id = ?")
			.param(consent)
			.query(Long.class)
			.single();
	}

	private UUID grant(SubjectRef subject, String purpose, String from, List<String> to, DocumentType type) {
		return this.fixtures.grant(subject, purpose, from, to, type).id();
	}

}
