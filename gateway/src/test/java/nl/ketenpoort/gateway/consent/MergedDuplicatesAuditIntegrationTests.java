package nl.ketenpoort.gateway.consent;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.SchemaOwner;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the one-active-consent migration (V3_80) leaves for the gateway: the duplicates it
 * revoked are each audited once as {@code consent-revoked} with reason
 * {@code duplicate-merged} and their route, so the privacy officers of both organisations
 * see them. The migration's own choice of which consent stays is tested in the registry
 * ({@code OneActiveConsentMigrationIntegrationTests}); here the migration's output is
 * written as the schema owner, since the application role may not.
 */
class MergedDuplicatesAuditIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	ConsentRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SchemaOwner owner;

	@Autowired
	DataSource dataSource;

	@Test
	void everyConsentTheMigrationMergedIsAuditedOnceWithItsRoute() {
		// given a consent that the migration revoked as the older of two duplicates
		SubjectRef subject = this.fixtures.newStatusHolder().subject();
		Consent older = this.fixtures.grant(subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		JdbcClient asOwner = JdbcClient.create(this.owner.dataSource().orElseThrow());
		asOwner.sql("UPDATE consent SET status = 'revoked', status_changed_at = now() WHERE id = ?")
			.param(older.id())
			.update();
		asOwner.sql("DELETE FROM consent_active_scope WHERE consent_id = ?").param(older.id()).update();
		asOwner
			.sql("INSERT INTO consent_history (consent_id, event, actor, occurred_at, reason)"
					+ " VALUES (?, 'revoked', 'system', now(), 'duplicate-merged')")
			.param(older.id())
			.update();
		asOwner.sql("INSERT INTO consent_duplicate_merged (consent_id, merged_at) VALUES (?, now())")
			.param(older.id())
			.update();

		// when the gateway starts (and once more: the announcement happens once)
		this.registry.announceMergedDuplicates();
		this.registry.announceMergedDuplicates();

		// then
		this.fixtures.chained();
		List<Map<String, Object>> events = JdbcClient.create(this.dataSource)
			.sql("SELECT event_type, reason_code, sender, recipient, actor_kind FROM audit_event"
					+ " WHERE consent_id = ? AND event_type = 'consent-revoked'")
			.param(older.id())
			.query()
			.listOfRows();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.get("reason_code")).isEqualTo("duplicate-merged");
			assertThat(event.get("sender")).isEqualTo("tvs");
			assertThat(event.get("recipient")).isEqualTo("vvs");
			assertThat(event.get("actor_kind")).isEqualTo("system");
		});
		assertThat(asOwner.sql("SELECT count(*) FROM consent_duplicate_merged WHERE consent_id = ?")
			.param(older.id())
			.query(Long.class)
			.single()).isZero();
	}

}
