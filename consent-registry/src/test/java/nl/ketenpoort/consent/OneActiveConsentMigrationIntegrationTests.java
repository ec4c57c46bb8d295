package nl.ketenpoort.consent;

import java.time.Duration;
import nl.ketenpoort.schemas.DocumentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.ConsentDecision.Allowed;
import nl.ketenpoort.consent.subject.SubjectRef;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to one active consent per key on a database that holds duplicates made by
 * the code before it: the newest consent per key stays active, the others are revoked
 * with history, and the next start announces each of them once.
 */
class OneActiveConsentMigrationIntegrationTests {

	private static final String[] LOCATION = { "classpath:db/migration/keys",
			"classpath:db/migration/consent-registry" };

	@Test
	void keepsTheNewestActiveConsentPerKeyRevokesTheOthersAndAnnouncesEachOnce() {
		// given: a database at the version before, holding consents as the old grant
		// stored them (really signed, copied from grants that a later revocation let be
		// repeated)
		DataSource old = TestDatabase.freshDatabase("before_one_active_consent");
		// (the registry's own migration before V3_80; in the gateway V3_71 comes between)
		Flyway.configure().dataSource(old).locations(LOCATION).target("1.3").load().migrate();
		TestDatabase.reset();
		SubjectRef amira;
		Consent older;
		Consent newer;
		Consent narrow;
		Consent wide;
		Consent unrelated;
		try (TestRegistry signer = TestRegistry.start()) {
			amira = signer.subjects().enrol(VNumber.parse("1234567890"));
			older = signer.grant(amira, "handover-coa-municipality", "tvs", List.of("raak"),
					DocumentType.of("client-profile"));
			signer.registry().revoke(older.id(), "test", "to grant it again");
			signer.clock.advance(Duration.ofMinutes(1));
			newer = signer.grant(amira, "handover-coa-municipality", "tvs", List.of("raak"),
					DocumentType.of("client-profile"));
			narrow = signer.grant(amira, "language-course-placement", "tvs", List.of("opstartklas"),
					DocumentType.of("nt2-learner-profile"));
			signer.registry().revoke(narrow.id(), "test", "to grant a wider one");
			signer.clock.advance(Duration.ofMinutes(1));
			wide = signer.grant(amira, "language-course-placement", "tvs", List.of("opstartklas", "taalschool-a"),
					DocumentType.of("nt2-learner-profile"));
			unrelated = signer.grant(amira, "social-guidance-vwn", "tvs", List.of("vvs"),
					DocumentType.of("client-profile"));
		}
		copyAsActive(JdbcClient.create(TestDatabase.dataSource()), JdbcClient.create(old));
		JdbcClient db = JdbcClient.create(old);
		assertThat(db.sql("select count(*) from consent where status = 'active'").query(Long.class).single())
			.isEqualTo(5);

		// when
		Flyway.configure().dataSource(old).locations(LOCATION).load().migrate();
		// (the signer's keys were sealed by today's key store, bound to purpose and kid,
		// not
		// to the kid alone as the keys this migration copies from before)
		db.sql("update signing_key set legacy_associated_data = null").update();

		// then: the newest per key stays, the others are revoked with history
		assertThat(db.sql("select id from consent where status = 'active'").query(UUID.class).list())
			.containsExactlyInAnyOrder(newer.id(), wide.id(), unrelated.id());
		assertThat(db
			.sql("select consent_id from consent_history where event = 'revoked' and actor = 'system'"
					+ " and reason = 'duplicate-merged'")
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(older.id(), narrow.id());
		assertThat(db.sql("select count(*) from consent where status = 'revoked' and status_changed_at is not null")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(db.sql("select distinct consent_id from consent_active_scope").query(UUID.class).list())
			.containsExactlyInAnyOrder(newer.id(), wide.id(), unrelated.id());
		assertThat(db.sql("select consent_id from consent_duplicate_merged").query(UUID.class).list())
			.containsExactlyInAnyOrder(older.id(), narrow.id());

		// when: the registry starts on the migrated database
		try (TestRegistry node = TestRegistry.on(old)) {
			// then: one revocation announced per merged consent, and none again
			assertThat(node.events()).filteredOn(ConsentRevoked.class::isInstance)
				.map(ConsentRevoked.class::cast)
				.allSatisfy((revoked) -> {
					assertThat(revoked.reason()).isEqualTo(ConsentRevoked.DUPLICATE_MERGED);
					assertThat(revoked.actor()).isEqualTo("system");
				})
				.extracting(ConsentRevoked::consentId)
				.containsExactlyInAnyOrder(older.id(), narrow.id());
			assertThat(db.sql("select count(*) from consent_duplicate_merged").query(Long.class).single()).isZero();
			assertThat(node.registry().announceMergedDuplicates()).isEmpty();
			// (past the moment the signer's clock had reached)
			node.clock.advance(Duration.ofMinutes(5));
			assertThat(node.checks()
				.check(amira, "handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile")))
				.isInstanceOfSatisfying(Allowed.class,
						(allowed) -> assertThat(allowed.consentId()).isEqualTo(newer.id()));
			assertThat(node.registry()
				.grant(node.request(amira, "handover-coa-municipality", "tvs", List.of("raak"),
						DocumentType.of("client-profile")))
				.created()).as("the kept consent now answers a repeated grant").isFalse();
		}
	}

	/** The rows as the old grant wrote them: every consent active, with its history. */
	private static void copyAsActive(JdbcClient from, JdbcClient to) {
		for (Map<String, Object> key : from.sql("select * from consent_signing_key").query().listOfRows()) {
			to.sql("insert into consent_signing_key (kid, created_at, retired_at, public_jwk, private_jwk_encrypted)"
					+ " values (:kid, :created_at, :retired_at, :public_jwk, :private_jwk_encrypted)")
				.params(key)
				.update();
		}
		for (String pseudonym : from.sql("select pseudonym from consent_subject").query(String.class).list()) {
			to.sql("insert into consent_subject (pseudonym) values (?)").param(pseudonym).update();
		}
		for (Map<String, Object> consent : from.sql("""
				select id, subject, purpose_code, purpose_version, sender, recipients::text as recipients,
				document_types::text as document_types, granted_at, valid_until, method, recorded_by,
				evidence_reference, interpreter_reference, text_language, text_sha256, statement, signing_kid
				from consent""").query().listOfRows()) {
			to.sql("""
					insert into consent (id, subject, purpose_code, purpose_version, sender, recipients,
					document_types, granted_at, valid_until, method, recorded_by, evidence_reference,
					interpreter_reference, text_language, text_sha256, status, status_changed_at, statement,
					signing_kid) values (:id, :subject, :purpose_code, :purpose_version, :sender,
					:recipients::text[], :document_types::text[], :granted_at, :valid_until, :method, :recorded_by,
					:evidence_reference, :interpreter_reference, :text_language, :text_sha256, 'active', null,
					:statement, :signing_kid)""").params(consent).update();
			to.sql("insert into consent_history (consent_id, event, actor, method, occurred_at)"
					+ " values (?, 'granted', 'status-holder', 'portal', ?)")
				.params(consent.get("id"), consent.get("granted_at"))
				.update();
		}
	}

}
