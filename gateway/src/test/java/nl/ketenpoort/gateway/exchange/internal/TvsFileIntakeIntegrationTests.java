package nl.ketenpoort.gateway.exchange.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.adapters.tvs.TvsExportFormat;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TVS export files dropped in the watched directory go through the same pipeline as API
 * submissions: accepted once per content, refused (and audited) without consent.
 */
class TvsFileIntakeIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	TvsExportFormat tvs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	DataSource dataSource;

	@Test
	void exportWithConsentIsAcceptedOnceAndMovedToDone() throws Exception {
		// given
		String vNumber = Fixtures.newVNumber();
		this.fixtures.grant(this.subjects.enrol(VNumber.parse(vNumber)), "handover-coa-municipality", "tvs",
				List.of("raak"), DocumentType.of("client-profile"));
		byte[] xml = export(vNumber);
		String key = "tvs-file-" + PayloadCipher.sha256(xml);

		// when: the same export is dropped twice under different names
		Files.write(directory().resolve("export-1.xml"), xml);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(directory().resolve("done"))
					&& listDone().stream().anyMatch((name) -> name.endsWith("export-1.xml")));
		Files.write(directory().resolve("export-2.xml"), xml);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> listDone().stream().anyMatch((name) -> name.endsWith("export-2.xml")));

		// then
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("SELECT status FROM exchange WHERE sender = 'tvs' AND idempotency_key = ?")
			.param(key)
			.query(String.class)
			.list()).containsExactly("accepted");
	}

	@Test
	void exportWithoutConsentIsRefusedAuditedAndMovedToError() throws Exception {
		String vNumber = Fixtures.newVNumber();

		Files.write(directory().resolve("no-consent.xml"), export(vNumber));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(directory().resolve("error")) && Files.list(directory().resolve("error"))
				.anyMatch((p) -> p.toString().endsWith("no-consent.xml")));

		this.fixtures.chained();
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT reason_code FROM audit_event WHERE event_type = 'refused' AND subject_ref = ?")
			.param(this.subjects.pseudonymOf(SubjectIdentifiers.parse(vNumber, null)).pseudonym())
			.query(String.class)
			.list()).containsExactly("NO_CONSENT");
		assertThat(this.subjects.find(SubjectIdentifiers.parse(vNumber, null)))
			.as("a refused export creates no subject")
			.isEmpty();
	}

	private byte[] export(String vNumber) {
		ObjectNode profile = ExchangeExamples.clientProfile();
		((ObjectNode) profile.get("subject")).put("vNumber", vNumber);
		return this.tvs.write(DocumentType.of("client-profile"), profile);
	}

	private List<String> listDone() throws java.io.IOException {
		try (var files = Files.list(directory().resolve("done"))) {
			return files.map(Path::toString).toList();
		}
	}

	private static Path directory() {
		return dataDir().resolve("tvs-export");
	}

}
