package nl.ketenpoort.keys;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key store on a real PostgreSQL with its own migration: one key per purpose made on
 * first use however many nodes ask at once, rotation that keeps the retired key for
 * verification, and private parts that open only under their key-encryption key and in
 * their own row.
 */
class KeyRingIntegrationTests {

	private static final byte[] KEK = new byte[32];

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	private final JdbcClient jdbc = JdbcClient.create(dataSource);

	private Instant now = Instant.parse("2026-12-01T10:00:00Z");

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = postgres.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/keys").load().migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void empty() {
		this.jdbc.sql("truncate signing_key").update();
	}

	@Test
	void nodesAskingAtOnceAgreeOnOneKeyPerPurpose() throws Exception {
		// given: two nodes, each with its own rings on the same database
		List<KeyRing> nodes = List.of(ring(KeyPurpose.AUDIT_CHECKPOINT, KEK), ring(KeyPurpose.AUDIT_CHECKPOINT, KEK));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<String> kids = new ArrayList<>();
		try {
			// when
			List<Callable<String>> firstUses = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				KeyRing node = nodes.get(i % 2);
				firstUses.add(() -> node.signingKey().getKeyID());
			}
			for (Future<String> kid : pool.invokeAll(firstUses)) {
				kids.add(kid.get());
			}
		}
		finally {
			pool.shutdown();
		}
		// then
		assertThat(kids).hasSize(8).containsOnly(kids.get(0));
		assertThat(ring(KeyPurpose.CONSENT_STATEMENT, KEK).active().kid()).isNotEqualTo(kids.get(0));
		assertThat(
				this.jdbc.sql("select count(*) from signing_key where retired_at is null").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void aRotationRetiresTheOldKeyWhichStillVerifiesWhatItSigned() {
		// given
		KeyRing ring = ring(KeyPurpose.AUDIT_CHECKPOINT, KEK);
		SignedStatement before = ring.sign(claims());
		// when
		this.now = this.now.plusSeconds(60);
		StoredKey rotated = ring.rotate();
		SignedStatement after = ring.sign(claims());
		// then
		assertThat(after.kid()).isEqualTo(rotated.kid()).isNotEqualTo(before.kid());
		KeyRing otherNode = ring(KeyPurpose.AUDIT_CHECKPOINT, KEK);
		assertThat(otherNode.verify(before.jws(), before.kid())).isPresent();
		assertThat(otherNode.verify(after.jws(), after.kid())).isPresent();
		assertThat(otherNode.verify(before.jws(), after.kid())).as("another key's id").isEmpty();
		assertThat(otherNode.keys()).extracting(StoredKey::kid).containsExactly(after.kid(), before.kid());
		assertThat(otherNode.keys().get(1).retiredAt()).isEqualTo(this.now);
		assertThat(otherNode.published((key) -> false).getKeys()).extracting(JWK::getKeyID)
			.containsExactly(after.kid());
		assertThat(otherNode.published((key) -> true).getKeys()).extracting(JWK::getKeyID)
			.containsExactly(after.kid(), before.kid())
			.allSatisfy(
					(kid) -> assertThat(otherNode.published((key) -> true).getKeyByKeyId(kid).isPrivate()).isFalse());
	}

	@Test
	void aKeyAsOldAsTheRotationAgeIsReplacedOnItsNextUse() {
		KeyRing ring = ring(KeyPurpose.CONSENT_STATEMENT, KEK);
		String first = ring.active(Duration.ofDays(90)).kid();
		this.now = this.now.plus(Duration.ofDays(89));
		assertThat(ring.signingKey(Duration.ofDays(90)).getKeyID()).isEqualTo(first);
		this.now = this.now.plus(Duration.ofDays(1));
		assertThat(ring.signingKey(Duration.ofDays(90)).getKeyID()).isNotEqualTo(first);
	}

	@Test
	void aPrivatePartOpensOnlyUnderItsKeyEncryptionKeyAndInItsOwnRow() {
		// given
		String kid = ring(KeyPurpose.TOKEN_SIGNING, KEK).active().kid();
		byte[] otherKek = new byte[32];
		otherKek[0] = 1;
		// then: not under another key-encryption key
		assertThatExceptionOfType(KeyUnavailable.class)
			.isThrownBy(() -> ring(KeyPurpose.TOKEN_SIGNING, otherKek).signingKey())
			.withMessageContaining("cannot be decrypted")
			.satisfies((ex) -> assertThat(ex.kid()).isEqualTo(kid));
		// and not as another purpose's key
		this.jdbc.sql("update signing_key set purpose = 'client-assertion' where kid = ?").param(kid).update();
		assertThatExceptionOfType(KeyUnavailable.class)
			.isThrownBy(() -> ring(KeyPurpose.CLIENT_ASSERTION, KEK).signingKey())
			.withMessageContaining("cannot be decrypted");
	}

	@Test
	void privatePartsAreNotStoredInClear() {
		ring(KeyPurpose.CONSENT_STATEMENT, KEK).active();
		var row = this.jdbc.sql("select public_jwk, private_jwk_encrypted from signing_key").query().singleRow();
		assertThat((String) row.get("public_jwk")).contains("\"x\"").doesNotContain("\"d\"");
		assertThat(new String((byte[]) row.get("private_jwk_encrypted"))).doesNotContain("\"d\"")
			.doesNotContain("P-256");
	}

	private KeyRing ring(KeyPurpose purpose, byte[] kek) {
		return new KeyRings(dataSource, new DataSourceTransactionManager(dataSource), clock()).ring(purpose, kek);
	}

	/** The test's clock, which a test moves by setting {@code now}. */
	private Clock clock() {
		return new Clock() {
			@Override
			public Instant instant() {
				return KeyRingIntegrationTests.this.now;
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
	}

	@Test
	void noteKeysAreEd25519KeysMadeOnceRotatedAndKeptSealed() throws Exception {
		// given: two nodes asking for the note key at once
		NoteKeyRing first = noteRing(KEK);
		NoteKeyRing second = noteRing(KEK);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<String> kids = new ArrayList<>();
		try {
			List<Callable<String>> firstUses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				NoteKeyRing node = (i % 2 == 0) ? first : second;
				firstUses.add(() -> node.signing().key().kid());
			}
			for (Future<String> kid : pool.invokeAll(firstUses)) {
				kids.add(kid.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(kids).containsOnly(kids.get(0));

		// when one node signs, then rotates
		byte[] message = "ketenpoort.test/audit\n1\nroot\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		NoteKeyRing.Signing before = first.signing();
		byte[] signature = sign(before.privateKey(), message);
		this.now = this.now.plus(Duration.ofDays(1));
		NoteKeyRing.NoteKey rotated = second.rotate();

		// then the other node signs with the new key, the old one is retired and still
		// verifies what it signed, and only the public parts are in the clear
		assertThat(first.signing().key().kid()).isEqualTo(rotated.kid()).isNotEqualTo(before.key().kid());
		assertThat(first.keys()).extracting(NoteKeyRing.NoteKey::kid)
			.containsExactly(rotated.kid(), before.key().kid());
		NoteKeyRing.NoteKey retired = second.key(before.key().kid()).orElseThrow();
		assertThat(retired.active()).isFalse();
		assertThat(verifies(retired.publicKey(), message, signature)).isTrue();
		assertThat(verifies(rotated.publicKey(), message, signature)).isFalse();
		String stored = this.jdbc.sql("SELECT public_jwk FROM signing_key WHERE kid = ?")
			.param(rotated.kid())
			.query(String.class)
			.single();
		assertThat(JWK.parse(stored).isPrivate()).isFalse();
		assertThat(JWK.parse(stored).getKeyType().getValue()).isEqualTo("OKP");

		// and another key-encryption key cannot open the private part
		byte[] otherKek = new byte[32];
		otherKek[0] = 1;
		assertThatExceptionOfType(KeyUnavailable.class).isThrownBy(() -> noteRing(otherKek).signing());
	}

	private NoteKeyRing noteRing(byte[] kek) {
		return new KeyRings(dataSource, new DataSourceTransactionManager(dataSource), clock())
			.noteRing(KeyPurpose.AUDIT_NOTE, kek);
	}

	private static byte[] sign(java.security.PrivateKey key, byte[] message) throws Exception {
		java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
		ed25519.initSign(key);
		ed25519.update(message);
		return ed25519.sign();
	}

	private static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) throws Exception {
		java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
		ed25519.initVerify(Ed25519Keys.publicKey(publicKey));
		ed25519.update(message);
		return ed25519.verify(signature);
	}

	private JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().issuer("ketenpoort").issueTime(Date.from(this.now)).build();
	}

}
