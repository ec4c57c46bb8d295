package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.mandate.MandateRegister;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.sandbox.SandboxPartnerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data: fictional status holders with V-numbers, consents in their own language
 * by each method, linked demo logins, documents of all five types submitted through the
 * public API (with the BSNs the demo broker signs them in by), and nothing more on a
 * second run.
 */
class DemoDataIntegrationTests extends GatewayIntegrationTest {

	private static final List<String> SENDERS = List.of("tvs", "raak", "opstartklas");

	@Autowired
	ConsentRegistry consents;

	@Autowired
	PurposeCatalogue purposes;

	@Autowired
	Subjects subjects;

	@Autowired
	People people;

	@Autowired
	PartnerKeys partnerKeys;

	@Autowired
	SandboxPartnerClient partnerClient;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MandateRegister mandates;

	@Autowired
	Clock clock;

	@BeforeEach
	void partnerKeysWhereTheDemoKeepsThem() throws Exception {
		for (String partner : SENDERS) {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID("demo-it-" + partner + "-" + UUID.randomUUID())
				.generate();
			this.partnerKeys.register(partner, key.toPublicJWK());
			Files.createDirectories(keyFile(partner).getParent());
			Files.writeString(keyFile(partner), key.toJSONString(), StandardCharsets.UTF_8);
		}
		for (String username : List.of("amira", "yonas")) {
			if (this.people.findByUsername(username).isEmpty()) {
				this.people.create(username, UUID.randomUUID().toString(), Set.of(Role.STATUS_HOLDER), null, null);
			}
		}
		if (this.people.findByUsername(DemoData.CASE_MANAGER).isEmpty()) {
			this.people.create(DemoData.CASE_MANAGER, UUID.randomUUID().toString(), Set.of(Role.CASE_MANAGER), "coa",
					null);
		}
	}

	@AfterEach
	void noKeysLeftBehind() throws IOException {
		for (String partner : SENDERS) {
			Files.deleteIfExists(keyFile(partner));
		}
	}

	@Test
	void seedingCreatesTheStatusHoldersTheirConsentsAndDocumentsOnce() {
		// given
		DemoSubjects demoSubjects = new DemoSubjects(this.jdbc, this.clock);
		DemoData demo = new DemoData(demoSubjects, this.subjects, this.consents, this.purposes, this.people,
				this.partnerClient, this.json);

		// when
		DemoData.Seeded first = demo.seed();
		DemoData.Seeded second = demo.seed();

		// then: five holders, nine consents, seven documents accepted, two refused
		assertThat(first).isEqualTo(new DemoData.Seeded(5, 9, 7, 2));
		assertThat(second).isEqualTo(new DemoData.Seeded(0, 0, 0, 0));
		List<Map<String, Object>> listed = new DemoSubjectsController(demoSubjects, this.subjects, this.consents,
				this.clock)
			.subjects();
		assertThat(listed).extracting((subject) -> subject.get("language"))
			.containsExactlyInAnyOrder("ar", "ti", "fa", "bo", "tr");
		assertThat(listed)
			.allSatisfy((subject) -> assertThat((String) subject.get("vNumber")).matches("[1-9][0-9]{9}"));
		assertThat(consentsOf(listed, "Elif Demir")).isEmpty();
		assertThat(consentsOf(listed, "Amira Al-Khatib")).hasSize(4)
			.allSatisfy((consent) -> assertThat(consent).containsEntry("status", "active")
				.containsEntry("method", "portal")
				.containsEntry("language", "ar")
				.containsKeys("id", "purpose", "from", "to", "documentTypes"));
		assertThat(consentsOf(listed, "Tenzin Dolma")).extracting((consent) -> consent.get("status"))
			.containsExactlyInAnyOrder("active", "revoked");
		assertThat(listed.stream()
			.flatMap((subject) -> consentsOf(listed, (String) subject.get("displayName")).stream())
			.map((consent) -> consent.get("method"))
			.distinct()).containsExactlyInAnyOrder("portal", "on-behalf-paper", "on-behalf-interpreter");
		assertThat(listed.stream()
			.flatMap((subject) -> consentsOf(listed, (String) subject.get("displayName")).stream())
			.map((consent) -> consent.get("purpose"))
			.distinct()).containsExactlyInAnyOrder("handover-coa-municipality", "social-guidance-vwn",
					"language-course-placement", "handover-notice");

		String amira = this.subjects.find(SubjectIdentifiers.parse(demo.vNumberOf("Amira Al-Khatib"), null))
			.orElseThrow()
			.pseudonym();
		assertThat(this.people.findByUsername("amira").orElseThrow().subjectRef()).hasValue(amira);
		String yonas = this.subjects.find(SubjectIdentifiers.parse(demo.vNumberOf("Yonas Gebremedhin"), null))
			.orElseThrow()
			.pseudonym();
		assertThat(this.people.findByUsername("yonas").orElseThrow().subjectRef()).hasValue(yonas);

		assertThat(this.jdbc.sql("SELECT DISTINCT document_type FROM exchange WHERE idempotency_key LIKE 'demo-%'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("client-profile", "nt2-learner-profile", "opstartklas-report",
					"trajectory-plan", "handover-notice");
		assertThat(this.jdbc.sql("SELECT count(*) FROM exchange WHERE idempotency_key LIKE 'demo-%'")
			.query(Integer.class)
			.single()).isEqualTo(7);
		// The demo broker signs the status holders in by the BSNs the accepted documents
		// joined: Amira reaches her portal, Elif (her only document refused) sees the
		// explanation, DigiD level low is refused.
		DemoProviderSession amiraAtDigid = new DemoProviderSession(this.port);
		HttpResponse<String> callback = amiraAtDigid.signIn("broker", "amira");
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(DemoProviderSession.location(callback).getPath()).isEqualTo("/portal");
		assertThat(amiraAtDigid.get("/portal").statusCode()).isEqualTo(200);
		assertThat(amiraAtDigid.get("/console").statusCode()).isEqualTo(403);
		DemoProviderSession elifAtDigid = new DemoProviderSession(this.port);
		assertThat(elifAtDigid.signIn("broker", "elif").statusCode()).isEqualTo(403);
		assertThat(elifAtDigid.get("/portal").statusCode()).isEqualTo(302);
		DemoProviderSession low = new DemoProviderSession(this.port);
		assertThat(low.signIn("broker", "low").statusCode()).isEqualTo(403);
		assertThat(low.get("/portal").statusCode()).isEqualTo(302);

		// Said's written mandate for Farid, recorded once as COA's case manager would:
		// through the demo broker he acts for Farid in the portal.
		DemoMandate mandate = new DemoMandate(this.mandates, this.people, demoSubjects);
		assertThat(mandate.seed()).isTrue();
		assertThat(mandate.seed()).isFalse();
		DemoProviderSession said = new DemoProviderSession(this.port);
		HttpResponse<String> saidsCallback = said.signIn("broker", "said");
		assertThat(saidsCallback.statusCode()).as(saidsCallback.body()).isEqualTo(302);
		assertThat(DemoProviderSession.location(saidsCallback).getPath()).isEqualTo("/portal");
		assertThat(said.get("/portal").statusCode()).isEqualTo(200);

		// The V-numbers live only in the demo table; the registry holds pseudonyms.
		assertThat(this.jdbc.sql("SELECT count(*) FROM consent_subject_identifier WHERE identifier_pseudonym = ?")
			.param(demo.vNumberOf("Elif Demir"))
			.query(Integer.class)
			.single()).isZero();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> consentsOf(List<Map<String, Object>> listed, String displayName) {
		return listed.stream()
			.filter((subject) -> displayName.equals(subject.get("displayName")))
			.map((subject) -> (List<Map<String, Object>>) subject.get("consents"))
			.findFirst()
			.orElseThrow();
	}

	private static Path keyFile(String partner) {
		return dataDir().resolve("keys").resolve("partners").resolve(partner + ".jwk");
	}

}
