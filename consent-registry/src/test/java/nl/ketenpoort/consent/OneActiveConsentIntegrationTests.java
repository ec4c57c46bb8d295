package nl.ketenpoort.consent;

import java.time.Duration;
import nl.ketenpoort.schemas.DocumentType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentDecision.Allowed;
import nl.ketenpoort.consent.ConsentDecision.Denied;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One active consent per subject, purpose, sender, recipient and document type: a
 * repeated grant answers the active consent, a partly overlapping one is refused,
 * parallel grants give one consent, and delivery re-checks the very consent an exchange
 * relied on.
 */
class OneActiveConsentIntegrationTests {

	private TestRegistry node;

	private SubjectRef amira;

	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

	@BeforeEach
	void start() {
		TestDatabase.reset();
		this.node = TestRegistry.start();
		this.amira = this.node.subjects().enrol(VNumber.parse("1234567890"));
	}

	@AfterEach
	void stop() {
		this.node.close();
	}

	@Test
	void aRepeatedGrantAnswersTheActiveConsentWhateverTheOrderOfItsRecipients() {
		// given
		Consent first = this.node.grant(this.amira, "language-course-placement", "tvs",
				List.of("opstartklas", "taalschool-a"), DocumentType.of("nt2-learner-profile"));
		this.node.events().clear();
		// when
		Grant again = this.node.registry()
			.grant(this.node.request(this.amira, "language-course-placement", "tvs",
					List.of("taalschool-a", "opstartklas"), DocumentType.of("nt2-learner-profile")));
		// then
		assertThat(again.created()).isFalse();
		assertThat(again.consent()).isEqualTo(first);
		assertThat(this.node.events()).singleElement()
			.isInstanceOfSatisfying(ConsentGrantDuplicate.class,
					(duplicate) -> assertThat(duplicate.consentId()).isEqualTo(first.id()));
		assertThat(this.jdbc.sql("select count(*) from consent").query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from consent_history").query(Long.class).single()).isOne();
	}

	@Test
	void aPartlyOverlappingGrantIsRefusedNamingTheActiveConsentUntilThatIsRevoked() {
		// given
		Consent first = this.node.grant(this.amira, "language-course-placement", "tvs", List.of("opstartklas"),
				DocumentType.of("nt2-learner-profile"));
		GrantRequest wider = this.node.request(this.amira, "language-course-placement", "tvs",
				List.of("opstartklas", "taalschool-a"), DocumentType.of("nt2-learner-profile"));
		// when / then
		assertThatExceptionOfType(GrantRefused.class).isThrownBy(() -> this.node.registry().grant(wider))
			.satisfies((refused) -> {
				assertThat(refused.reason()).isEqualTo(GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT);
				assertThat(refused.existingConsent()).isEqualTo(first.id());
				assertThat(refused.getMessage()).contains(first.id().toString());
			});
		this.node.registry().revoke(first.id(), "status-holder", "wider consent");
		Grant granted = this.node.registry().grant(wider);
		assertThat(granted.created()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from consent_active_scope where consent_id = ?")
			.param(granted.consent().id())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from consent_active_scope where consent_id = ?")
			.param(first.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aConsentPastItsEndNoLongerHoldsItsKeys() {
		// given
		this.node.registry()
			.grant(ConsentRegistryIntegrationTests.withValidUntil(this.node.request(this.amira,
					"handover-coa-municipality", "tvs", List.of("raak"), DocumentType.of("client-profile")),
					TestRegistry.START.plus(Duration.ofDays(10))));
		this.node.clock.advance(Duration.ofDays(11));
		// when
		Grant renewed = this.node.registry()
			.grant(this.node.request(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
					DocumentType.of("client-profile")));
		// then
		assertThat(renewed.created()).isTrue();
		assertThat(this.node.events()).filteredOn(ConsentExpired.class::isInstance).hasSize(1);
	}

	@Test
	void twoIdenticalGrantsAtOnceOnTwoNodesGiveOneConsent() throws Exception {
		// given
		GrantRequest request = this.node.request(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		CountDownLatch go = new CountDownLatch(1);
		try (TestRegistry other = this.node.anotherNode()) {
			// when
			CompletableFuture<Grant> one = CompletableFuture.supplyAsync(() -> grantAfter(go, this.node, request));
			CompletableFuture<Grant> two = CompletableFuture.supplyAsync(() -> grantAfter(go, other, request));
			go.countDown();
			// then
			assertThat(List.of(one.get(), two.get())).extracting(Grant::created).containsExactlyInAnyOrder(true, false);
			assertThat(one.get().consent().id()).isEqualTo(two.get().consent().id());
		}
		assertThat(this.jdbc.sql("select count(*) from consent").query(Long.class).single()).isOne();
	}

	@Test
	void deliveryRechecksTheConsentTheExchangeReliedOnNotAnother() {
		// given: the consent relied on was revoked, and an identical one granted since
		Consent reliedOn = this.node.grant(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		this.node.registry().revoke(reliedOn.id(), "status-holder", "changed my mind");
		Consent later = this.node.grant(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		SubjectRef someoneElse = this.node.subjects().enrol(VNumber.parse("2234567890"));
		// when / then
		assertThat(recheck(reliedOn, this.amira, "raak")).isEqualTo(new Denied(RefusalReason.REVOKED));
		assertThat(recheck(later, this.amira, "raak")).isInstanceOfSatisfying(Allowed.class, (allowed) -> {
			assertThat(allowed.consentId()).isEqualTo(later.id());
			assertThat(allowed.statement()).isEqualTo(later.statement());
		});
		assertThat(recheck(later, someoneElse, "raak")).isEqualTo(new Denied(RefusalReason.NO_CONSENT));
		assertThat(recheck(later, this.amira, "vvs")).isEqualTo(new Denied(RefusalReason.PARTY_MISMATCH));
	}

	private ConsentDecision recheck(Consent consent, SubjectRef subject, String to) {
		return this.node.checks()
			.recheck(consent.id(), subject, "handover-coa-municipality", "tvs", to, DocumentType.of("client-profile"));
	}

	private static Grant grantAfter(CountDownLatch go, TestRegistry node, GrantRequest request) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return node.registry().grant(request);
	}

}
