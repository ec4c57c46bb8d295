package nl.ketenpoort.consent.statement;

import java.time.Duration;
import nl.ketenpoort.schemas.DocumentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.TestDatabase;
import nl.ketenpoort.consent.TestRegistry;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.VNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentKeysIntegrationTests {

	private TestRegistry node;

	private SubjectRef subject;

	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

	@BeforeEach
	void start() {
		TestDatabase.reset();
		this.node = TestRegistry.start();
		this.subject = this.node.subjects().enrol(VNumber.parse("1234567890"));
	}

	@AfterEach
	void stop() {
		this.node.close();
	}

	@Test
	void theFirstKeyIsCreatedAtStart() {
		assertThat(this.jdbc.sql("select count(*) from consent_signing_key").query(Long.class).single()).isOne();
	}

	@Test
	void statementsSignedBeforeRotationStillVerifyAndNewOnesCarryTheNewKid() throws Exception {
		// given
		Consent before = grant();
		// when
		String newKid = this.node.keys().rotate();
		Consent after = grantForAnotherSubject();
		// then
		assertThat(before.signingKid()).isNotEqualTo(newKid);
		assertThat(after.signingKid()).isEqualTo(newKid);
		assertThat(SignedJWT.parse(after.statement()).getHeader().getKeyID()).isEqualTo(newKid);
		try (TestRegistry freshNode = this.node.anotherNode()) {
			assertThat(freshNode.checks()
				.check(this.subject, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"))
				.allowed()).isTrue();
			assertThat(freshNode.statements().verify(before.statement()).consentId()).isEqualTo(before.id());
			assertThat(freshNode.statements().verify(after.statement()).consentId()).isEqualTo(after.id());
		}
		assertThat(this.node.keys().keySet().kids()).containsExactly(newKid, before.signingKid());
	}

	@Test
	void aRetiredKeyLeavesTheKeySetWhenItsStatementsHaveExpired() {
		// given
		Consent before = grant();
		String newKid = this.node.keys().rotate();
		// when
		this.node.clock.advance(Duration.ofDays(31 * 30));
		// then
		// (the newest key is older than the rotation interval by now, so it was replaced
		// too)
		assertThat(this.node.keys().keySet().kids()).doesNotContain(before.signingKid(), newKid).hasSize(1);
	}

	@Test
	void aKeyOlderThanTheRotationIntervalIsReplacedAtTheNextGrant() {
		Consent before = grant();
		this.node.clock.advance(Duration.ofDays(91));
		Consent after = grantForAnotherSubject();
		assertThat(after.signingKid()).isNotEqualTo(before.signingKid());
	}

	@Test
	void theKeySetIsPublicOnlyAndPrivatePartsAreEncryptedAtRest() {
		// given
		grant();
		// when
		Map<String, Object> jwks = this.node.keys().keySet().toJson();
		List<Map<String, Object>> rows = this.jdbc
			.sql("select public_jwk, private_jwk_encrypted from consent_signing_key")
			.query()
			.listOfRows();
		// then
		assertThat((List<?>) jwks.get("keys")).singleElement()
			.isInstanceOfSatisfying(Map.class,
					(key) -> assertThat(key).containsEntry("kty", "EC")
						.containsEntry("crv", "P-256")
						.containsKeys("kid", "x", "y")
						.doesNotContainKey("d"));
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"");
			assertThat(new String((byte[]) row.get("private_jwk_encrypted"))).doesNotContain("\"d\"")
				.doesNotContain("P-256");
		});
	}

	@Test
	void nodesRotatingAtOnceLeaveExactlyOneSigningKey() throws Exception {
		try (TestRegistry otherNode = this.node.anotherNode()) {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<String>> rotations = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					ConsentKeys keys = ((i % 2) == 0) ? this.node.keys() : otherNode.keys();
					rotations.add(keys::rotate);
				}
				for (Future<String> rotation : pool.invokeAll(rotations)) {
					rotation.get();
				}
			}
			finally {
				pool.shutdown();
			}
		}
		assertThat(this.jdbc.sql("select count(*) from consent_signing_key where retired_at is null")
			.query(Long.class)
			.single()).isOne();
		assertThat(grant().signingKid()).isEqualTo(this.node.keys().keySet().kids().get(0));
	}

	private Consent grant() {
		return this.node.grant(this.subject, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
	}

	/** Another status holder: the same consent again would repeat the active one. */
	private Consent grantForAnotherSubject() {
		return this.node.grant(this.node.subjects().enrol(VNumber.parse("2234567890")), "social-guidance-vwn", "tvs",
				List.of("vvs"), DocumentType.of("client-profile"));
	}

}
