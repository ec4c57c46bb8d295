package nl.ketenpoort.consent;

import java.time.Duration;
import nl.ketenpoort.schemas.DocumentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.PurposeUnknown;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.VNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsentRegistryIntegrationTests {

	private TestRegistry node;

	private SubjectRef yonas;

	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

	@BeforeEach
	void start() {
		TestDatabase.reset();
		this.node = TestRegistry.start();
		this.yonas = this.node.subjects().enrol(VNumber.parse("V 0987654321"));
	}

	@AfterEach
	void stop() {
		this.node.close();
	}

	@Test
	void grantStoresTheConsentItsHistoryAndPublishesAnEvent() {
		// when
		Consent consent = this.node.registry()
			.grant(new GrantRequest(this.yonas, "handover-notice", "taalschool-a", List.of("opstartklas", "raak"),
					List.of(DocumentType.of("handover-notice")), TestRegistry.START.plus(Duration.ofDays(30)),
					ConsentMethod.onBehalfInterpreter("cm-coa", "tolk-2026-0042"), "ti",
					this.node.catalogue().text("handover-notice", "ti").sha256()))
			.consent();
		// then
		assertThat(this.node.registry().find(consent.id())).isEqualTo(consent);
		assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(consent.method().reference()).isEqualTo("tolk-2026-0042");
		assertThat(consent.validUntil()).isEqualTo(TestRegistry.START.plus(Duration.ofDays(30)));
		assertThat(this.node.registry().listForSubject(this.yonas)).containsExactly(consent);
		assertThat(history(consent.id())).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("event", "granted")
				.containsEntry("actor", "cm-coa")
				.containsEntry("method", "on-behalf-interpreter"));
		assertThat(this.node.events()).filteredOn(ConsentGranted.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((ConsentGranted) event).consentId()).isEqualTo(consent.id()));
	}

	@Test
	void grantWithoutAnEndUsesThePurposeMaximum() {
		Consent consent = this.node.grant(this.yonas, "social-guidance-vwn", "raak", List.of("vvs"),
				DocumentType.of("trajectory-plan"));
		assertThat(consent.validUntil()).isEqualTo(Instant.parse("2029-05-02T09:00:00Z"));
	}

	@Test
	void grantRefusals() {
		assertRefused(this.node.request(this.yonas, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("nt2-learner-profile")), GrantRefused.Reason.DOCUMENT_NOT_IN_PURPOSE);
		assertRefused(this.node.request(this.yonas, "social-guidance-vwn", "raak", List.of("vvs"),
				DocumentType.of("client-profile")), GrantRefused.Reason.SENDER_NOT_ALLOWED);
		assertRefused(this.node.request(this.yonas, "social-guidance-vwn", "tvs", List.of("vvs", "raak"),
				DocumentType.of("client-profile")), GrantRefused.Reason.RECIPIENT_NOT_ALLOWED);
		// No purpose lets the trajectory plan reach a language provider.
		assertRefused(this.node.request(this.yonas, "social-guidance-vwn", "raak", List.of("taalschool-a"),
				DocumentType.of("trajectory-plan")), GrantRefused.Reason.RECIPIENT_NOT_ALLOWED);
		assertRefused(this.node.request(this.yonas, "social-guidance-vwn", "tvs", List.of(),
				DocumentType.of("client-profile")), GrantRefused.Reason.SCOPE_INCOMPLETE);
		GrantRequest valid = this.node.request(this.yonas, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		assertRefused(withValidUntil(valid, TestRegistry.START.plus(Duration.ofDays(400))),
				GrantRefused.Reason.VALIDITY_TOO_LONG);
		assertRefused(withValidUntil(valid, TestRegistry.START.minusSeconds(1)), GrantRefused.Reason.VALIDITY_INVALID);
		assertRefused(new GrantRequest(valid.subject(), valid.purpose(), valid.from(), valid.to(), valid.documents(),
				null, valid.method(), "de", valid.textSha256()), GrantRefused.Reason.LANGUAGE_UNSUPPORTED);
		assertRefused(new GrantRequest(valid.subject(), valid.purpose(), valid.from(), valid.to(), valid.documents(),
				null, valid.method(), "en", valid.textSha256()), GrantRefused.Reason.TEXT_MISMATCH);
		assertRefused(new GrantRequest(valid.subject(), valid.purpose(), valid.from(), valid.to(), valid.documents(),
				null, new ConsentMethod(ConsentMethod.Kind.ON_BEHALF_PAPER, "cm-coa", null), "nl", valid.textSha256()),
				GrantRefused.Reason.METHOD_INCOMPLETE);
		assertRefused(
				new GrantRequest(new SubjectRef("vnr_" + "A".repeat(43)), valid.purpose(), valid.from(), valid.to(),
						valid.documents(), null, valid.method(), "nl", valid.textSha256()),
				GrantRefused.Reason.SUBJECT_UNKNOWN);
		assertThatExceptionOfType(PurposeUnknown.class).isThrownBy(() -> this.node.registry()
			.grant(new GrantRequest(this.yonas, "trajectory-plan-to-language-provider", "raak", List.of("taalschool-a"),
					List.of(DocumentType.of("trajectory-plan")), null, ConsentMethod.portal(), "nl",
					valid.textSha256())));
		assertThat(this.jdbc.sql("select count(*) from consent").query(Long.class).single()).isZero();
	}

	@Test
	void revokeRecordsHistoryAndEventOnceAndRefusesASecondTime() {
		// given
		Consent consent = this.node.grant(this.yonas, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		this.node.clock.advance(Duration.ofHours(1));
		// when
		Consent revoked = this.node.registry().revoke(consent.id(), "status-holder", "moved to another town");
		// then
		assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
		assertThat(revoked.statusChangedAt()).isEqualTo(TestRegistry.START.plus(Duration.ofHours(1)));
		assertThat(this.node.registry().status(consent.id())).isEqualTo(ConsentStatus.REVOKED);
		assertThat(history(consent.id())).extracting((row) -> row.get("event")).containsExactly("granted", "revoked");
		assertThat(this.node.events()).filteredOn(ConsentRevoked.class::isInstance).hasSize(1);
		assertThatExceptionOfType(ConsentNotActive.class)
			.isThrownBy(() -> this.node.registry().revoke(consent.id(), "status-holder", "again"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ConsentStatus.REVOKED));
		assertThatExceptionOfType(ConsentNotFound.class)
			.isThrownBy(() -> this.node.registry().revoke(UUID.randomUUID(), "status-holder", "unknown"));
		assertThatExceptionOfType(ConsentNotFound.class)
			.isThrownBy(() -> this.node.registry().status(UUID.randomUUID()));
	}

	@Test
	void expireDueMarksOnlyConsentsPastTheirEnd() {
		// given
		Consent shortOne = this.node.registry()
			.grant(withValidUntil(this.node.request(this.yonas, "handover-coa-municipality", "tvs", List.of("raak"),
					DocumentType.of("client-profile")), TestRegistry.START.plus(Duration.ofDays(10))))
			.consent();
		Consent longOne = this.node.grant(this.yonas, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		this.node.clock.advance(Duration.ofDays(11));
		assertThat(this.node.registry().status(shortOne.id())).isEqualTo(ConsentStatus.EXPIRED);
		// when
		List<ConsentExpired> expired = this.node.registry().expireDue(this.node.clock.instant());
		// then
		assertThat(expired).extracting(ConsentExpired::consentId).containsExactly(shortOne.id());
		assertThat(this.node.registry().find(shortOne.id()).status()).isEqualTo(ConsentStatus.EXPIRED);
		assertThat(this.node.registry().find(longOne.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(history(shortOne.id())).extracting((row) -> row.get("event")).containsExactly("granted", "expired");
		assertThat(this.node.events()).filteredOn(ConsentExpired.class::isInstance).hasSize(1);
		assertThat(this.node.registry().expireDue(this.node.clock.instant())).isEmpty();
	}

	private List<Map<String, Object>> history(UUID consentId) {
		return this.jdbc.sql("select event, actor, method from consent_history where consent_id = ? order by seq")
			.param(consentId)
			.query()
			.listOfRows();
	}

	private void assertRefused(GrantRequest request, GrantRefused.Reason reason) {
		assertThatExceptionOfType(GrantRefused.class).isThrownBy(() -> this.node.registry().grant(request))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	static GrantRequest withValidUntil(GrantRequest request, Instant validUntil) {
		return new GrantRequest(request.subject(), request.purpose(), request.from(), request.to(), request.documents(),
				validUntil, request.method(), request.language(), request.textSha256());
	}

}
