package nl.ketenpoort.consent;

import java.util.ArrayList;
import nl.ketenpoort.schemas.DocumentType;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.VNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class NoIdentifiersInClearIntegrationTests {

	private static final String V_NUMBER = "4711081512";

	private static final String BSN = "111222333";

	private TestRegistry node;

	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

	@BeforeEach
	void start() {
		TestDatabase.reset();
		this.node = TestRegistry.start();
	}

	@AfterEach
	void stop() {
		this.node.close();
	}

	@Test
	void noRegistryTableHoldsAVNumberOrBsnInAnyColumn() {
		// given: the full life of a subject
		SubjectRef subject = this.node.subjects().enrol(VNumber.parse(V_NUMBER));
		this.node.subjects()
			.linkAccepted(subject, SubjectIdentifiers.parse(V_NUMBER, BSN), java.util.UUID.randomUUID());
		Consent consent = this.node.grant(subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		this.node.grant(subject, "social-guidance-vwn", "raak", List.of("vvs"), DocumentType.of("trajectory-plan"));
		this.node.registry().revoke(consent.id(), "status-holder", "no longer needed");
		// when
		List<String> values = new ArrayList<>();
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'"
					+ " and table_name like 'consent%'")
			.query(String.class)
			.list();
		for (String table : tables) {
			for (Map<String, Object> row : this.jdbc.sql("select * from " + table).query().listOfRows()) {
				row.values().forEach((value) -> values.add(String.valueOf(value)));
			}
		}
		// then
		assertThat(tables).contains("consent", "consent_history", "consent_subject", "consent_subject_identifier",
				"consent_signing_key");
		assertThat(values).hasSizeGreaterThan(20).noneMatch((value) -> value.contains(V_NUMBER) || value.contains(BSN));
	}

}
