package nl.ketenpoort.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.keys.KeyRings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditEpochs;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain of form 1 events as the gateway wrote them until V3_125, upgraded and extended
 * with form 2 events: the first append after the upgrade writes the signed epoch event,
 * no earlier row is rewritten, the whole chain verifies, and tampering on either side of
 * the boundary, or with the boundary itself, is found at its position.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEpochIntegrationTests extends GatewayIntegrationTest {

	/** The last migration before form 2. */
	private static final String EARLIER = "3.125";

	private static final String[] NOW = { "classpath:db/migration/keys", "classpath:db/migration/consent-registry",
			"classpath:db/migration/adapters", "classpath:db/migration/gateway" };

	private static final String TEMPLATE = "audit_epochs_template";

	private static final String DATABASE = "audit_epochs";

	private static final AuditSettings SETTINGS = new AuditSettings(1000, Duration.ofMinutes(1),
			Base64.getEncoder().encodeToString(new byte[32]), 5, 500, Duration.ofMillis(100), AuditTestDatabase.ORIGIN);

	private static final int FORM_ONE_EVENTS = 12;

	private DataSource dataSource;

	private static List<AuditRecord> formOne;

	private JdbcClient jdbc;

	private AuditChainVerifier verifier;

	private AuditSigningKeys keys;

	/**
	 * Builds the upgraded chain once, in a template database; every test works on a copy
	 * of it (CREATE DATABASE … TEMPLATE copies files, no migration runs again). Once per
	 * class and after the shared gateway started: the test instance is per class.
	 */
	@BeforeAll
	void formOneChainUpgradedAndExtended() {
		JdbcClient server = JdbcClient.create(EarlierSigningKeysIntegrationTests.asOwner(null));
		server.sql("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)").update();
		server.sql("CREATE DATABASE " + TEMPLATE).update();
		DataSource template = EarlierSigningKeysIntegrationTests.asOwner(TEMPLATE);
		Flyway.configure().dataSource(template).locations(NOW).target(EARLIER).load().migrate();
		JdbcClient jdbc = JdbcClient.create(template);
		formOne = new ArrayList<>();
		for (int i = 0; i < FORM_ONE_EVENTS; i++) {
			formOne.add(EarlierAuditRows.append(jdbc, AuditChainIntegrationTests.sampleEvent(i)));
		}
		Flyway.configure().dataSource(template).locations(NOW).load().migrate();
		Parts parts = new Parts(template);
		AuditTrail trail = new ChainingTrail(template, Clock.systemUTC(),
				new AuditChainer(template, parts.epochs(), FaultPoints.none(), Clock.systemUTC(), SETTINGS));
		for (int i = 0; i < 8; i++) {
			trail.append(AuditChainIntegrationTests.sampleEvent(100 + i)
				.toBuilder()
				.with(AuditFields.STATEMENT_ID, UUID.randomUUID())
				.with(AuditFields.LEGAL_BASIS_REFERENCE, "wi2021-art-2.3")
				.build());
		}
	}

	@AfterAll
	void dropTemplate() {
		JdbcClient.create(EarlierSigningKeysIntegrationTests.asOwner(null))
			.sql("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)")
			.update();
	}

	@BeforeEach
	void copyOfTheUpgradedChain() {
		JdbcClient server = JdbcClient.create(EarlierSigningKeysIntegrationTests.asOwner(null));
		server.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
		server.sql("CREATE DATABASE " + DATABASE + " TEMPLATE " + TEMPLATE).update();
		this.dataSource = EarlierSigningKeysIntegrationTests.asOwner(DATABASE);
		this.jdbc = JdbcClient.create(this.dataSource);
		Parts parts = new Parts(this.dataSource);
		this.keys = parts.keys();
		this.verifier = parts.verifier();
	}

	@AfterEach
	void dropDatabase() {
		JdbcClient.create(EarlierSigningKeysIntegrationTests.asOwner(null))
			.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)")
			.update();
	}

	/** The audit log's parts over one database, with the test's key-encryption key. */
	private record Parts(AuditSigningKeys keys, AuditEpochs epochs, AuditChainVerifier verifier) {

		Parts(DataSource dataSource) {
			this(JdbcClient.create(dataSource),
					new AuditSigningKeys(
							new KeyRings(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC()),
							SETTINGS));
		}

		private Parts(JdbcClient jdbc, AuditSigningKeys keys) {
			this(keys, new AuditEpochs(keys),
					new AuditChainVerifier(jdbc, new AuditCheckpoints(jdbc, keys, Clock.systemUTC(), SETTINGS),
							new PrunedRanges(jdbc, keys), new AuditEpochs(keys), SETTINGS));
		}

	}

	@Test
	void theUpgradedChainVerifiesEndToEndAndNoRowWasRewritten() {
		// when
		ChainVerification result = this.verifier.verify();

		// then: one chain of 12 form 1 events, the epoch event, 8 form 2 events
		assertThat(result.intact()).as(result.toString()).isTrue();
		assertThat(result.checked()).isEqualTo(FORM_ONE_EVENTS + 1 + 8);
		List<AuditRecord> rows = this.jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event ORDER BY position")
			.query(AuditRows.MAPPER)
			.list();
		assertThat(rows.subList(0, FORM_ONE_EVENTS)).isEqualTo(formOne);
		AuditRecord epoch = rows.get(FORM_ONE_EVENTS);
		assertThat(epoch.event().type()).isEqualTo(AuditEventType.AUDIT_EPOCH);
		assertThat(epoch.form()).isEqualTo(2);
		assertThat(epoch.event().extra(AuditFields.EPOCH_PREVIOUS_POSITION)).isEqualTo((long) FORM_ONE_EVENTS);
		assertThat(epoch.event().extra(AuditFields.EPOCH_PREVIOUS_HASH))
			.isEqualTo(formOne.get(FORM_ONE_EVENTS - 1).hash());
		assertThat(epoch.prevHash()).isEqualTo(formOne.get(FORM_ONE_EVENTS - 1).hash());
		assertThat(rows.subList(FORM_ONE_EVENTS, rows.size())).allSatisfy((row) -> assertThat(row.form()).isEqualTo(2));
		assertThat(rows.get(rows.size() - 1).event().extra(AuditFields.LEGAL_BASIS_REFERENCE))
			.isEqualTo("wi2021-art-2.3");
	}

	@Test
	void aChangedFormOneRowIsFoundAtItsPosition() {
		tamper("UPDATE audit_event SET recipient = 'vvs' WHERE position = 5");

		assertBroken(this.verifier.verify(), 5, ChainBreak.MODIFIED);
	}

	@Test
	void aChangedFormTwoRowIsFoundAtItsPosition() {
		tamper("UPDATE audit_event SET statement_id = '" + UUID.randomUUID() + "' WHERE position = 17");

		assertBroken(this.verifier.verify(), 17, ChainBreak.MODIFIED);
	}

	@Test
	void aFormTwoRowPassedOffAsFormOneIsFound() {
		tamper("UPDATE audit_event SET form = 1 WHERE position = 18");

		assertBroken(this.verifier.verify(), 18, ChainBreak.MODIFIED);
	}

	@Test
	void aChangeOfFormWithoutTheSignedEpochIsFound() {
		// given: the epoch event replaced by an ordinary form 2 event whose hash is
		// right, and the rest of the chain relinked to it
		AuditRecord epoch = row(FORM_ONE_EVENTS + 1);
		AuditRecord forged = AuditRecord.hashed(epoch.position(), epoch.eventId(), epoch.recordedAt(),
				epoch.operationId(), AuditChainIntegrationTests.sampleEvent(999), epoch.prevHash());
		tamper("DELETE FROM audit_event WHERE position = " + epoch.position());
		tamperInsert(forged);
		relinkFrom(epoch.position() + 1, forged.hash());

		assertBroken(this.verifier.verify(), FORM_ONE_EVENTS + 1, ChainBreak.MODIFIED);
	}

	@Test
	void anEpochSignedByAnotherKeyIsFound() throws Exception {
		// given: the epoch event's statement re-signed by a key of the forger's under the
		// audit key's id, hash and links made right
		AuditRecord epoch = row(FORM_ONE_EVENTS + 1);
		String genuine = (String) epoch.event().extra(AuditFields.EPOCH_STATEMENT);
		SignedJWT original = SignedJWT.parse(genuine);
		ECKey forgersKey = new ECKeyGenerator(Curve.P_256).generate();
		SignedJWT resigned = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(original.getHeader().getKeyID()).build(),
				original.getJWTClaimsSet());
		resigned.sign(new ECDSASigner(forgersKey));
		AuditEvent forgedEvent = epoch.event()
			.toBuilder()
			.with(AuditFields.EPOCH_STATEMENT, resigned.serialize())
			.build();
		AuditRecord forged = AuditRecord.hashed(epoch.position(), epoch.eventId(), epoch.recordedAt(),
				epoch.operationId(), forgedEvent, epoch.prevHash());
		tamper("DELETE FROM audit_event WHERE position = " + epoch.position());
		tamperInsert(forged);
		relinkFrom(epoch.position() + 1, forged.hash());

		assertBroken(this.verifier.verify(), FORM_ONE_EVENTS + 1, ChainBreak.MODIFIED);
	}

	@Test
	void theGenuineEpochStatementVerifiesWithThePublishedAuditKey() throws Exception {
		AuditRecord epoch = row(FORM_ONE_EVENTS + 1);
		SignedJWT statement = SignedJWT.parse((String) epoch.event().extra(AuditFields.EPOCH_STATEMENT));
		ECKey published = this.keys.publicKeys().getKeyByKeyId(statement.getHeader().getKeyID()).toECKey();

		assertThat(statement.verify(new ECDSAVerifier(published))).isTrue();
		assertThat(statement.getJWTClaimsSet().getLongClaim("previous_position")).isEqualTo(FORM_ONE_EVENTS);
		assertThat(statement.getJWTClaimsSet().getStringClaim("previous_hash"))
			.isEqualTo(formOne.get(FORM_ONE_EVENTS - 1).hash());
	}

	private AuditRecord row(long position) {
		return this.jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE position = ?")
			.param(position)
			.query(AuditRows.MAPPER)
			.single();
	}

	/** Recomputes every hash from a position on, as a forger who holds no key can. */
	private void relinkFrom(long from, String prevHash) {
		String prev = prevHash;
		long head = this.jdbc.sql("SELECT max(position) FROM audit_event").query(Long.class).single();
		for (long position = from; position <= head; position++) {
			AuditRecord row = row(position);
			String hash = AuditRecord
				.hashed(position, row.eventId(), row.recordedAt(), row.operationId(), row.event(), prev)
				.hash();
			tamper("UPDATE audit_event SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE position = "
					+ position);
			prev = hash;
		}
	}

	private void tamper(String sql) {
		AuditTestDatabase.tamper(this.dataSource, sql);
	}

	private void tamperInsert(AuditRecord record) {
		AuditTestDatabase.tamperInsert(this.dataSource, record);
	}

	private static void assertBroken(ChainVerification result, long position, ChainBreak kind) {
		assertThat(result.intact()).as(result.toString()).isFalse();
		assertThat(result.firstBadPosition()).as(result.toString()).isEqualTo(position);
		assertThat(result.kind()).as(result.toString()).isEqualTo(kind);
	}

}
