package nl.ketenpoort.gateway.audit;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A privacy officer sees the consent events of every route their organisation is on, also
 * where it is one of several recipients (stored comma-joined in one column), and sees a
 * revocation as well as the grant.
 */
class AuditAcrossOrganisationsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	String vNumber;

	SubjectRef subject;

	UUID vwnToCoaAndAmsterdam;

	@BeforeEach
	void aConsentWithTwoRecipients() {
		Fixtures.StatusHolder statusHolder = this.fixtures.newStatusHolder();
		this.vNumber = statusHolder.vNumber();
		this.subject = statusHolder.subject();
		this.vwnToCoaAndAmsterdam = this.fixtures
			.grant(this.subject, "handover-notice", "vvs", List.of("tvs", "raak"), DocumentType.of("handover-notice"))
			.id();
	}

	@Test
	void theSecondRecipientsPrivacyOfficerSeesTheGrant() {
		// given
		String amsterdam = this.tokens.person(Role.PRIVACY_OFFICER, "amsterdam");

		// when
		List<String> events = eventTypes(amsterdam, "");
		List<String> byPartner = eventTypes(amsterdam, ",\"partner\":\"raak\"");

		// then
		assertThat(events).containsExactly("consent-granted");
		assertThat(byPartner).as("the partner filter matches one of several recipients")
			.containsExactly("consent-granted");
	}

	@Test
	void thePrivacyOfficersOfEveryOrganisationOnTheRouteSeeARevocation() {
		// given: the status holder revokes; their own organisation is none
		String holder = this.tokens.person(Role.STATUS_HOLDER, null, this.subject.pseudonym());
		HttpResponse<String> revoked = send(
				HttpRequest.newBuilder(uri("/api/v1/consents/" + this.vwnToCoaAndAmsterdam + "/revoke"))
					.header("Authorization", "Bearer " + holder)
					.POST(BodyPublishers.noBody()));
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

		// when, then
		for (String organisation : List.of("vwn", "coa", "amsterdam")) {
			String officer = this.tokens.person(Role.PRIVACY_OFFICER, organisation);
			assertThat(eventTypes(officer, ",\"type\":\"consent-revoked\"")).as(organisation)
				.containsExactly("consent-revoked");
		}
		String elsewhere = this.tokens.person(Role.PRIVACY_OFFICER, "taalschool-a");
		assertThat(eventTypes(elsewhere, "")).as("an organisation not on the route").isEmpty();
	}

	private List<String> eventTypes(String officer, String criteria) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/audit/events/search"))
			.header("Authorization", "Bearer " + officer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"vNumber\":\"" + this.vNumber + "\"" + criteria + "}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("events").valueStream().map((event) -> event.get("type").asString()).toList();
	}

}
