package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.consent.statement.ConsentKeys;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.identity.internal.SigningKeys;
import nl.ketenpoort.keys.KeyRings;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditEpochs;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.AuditVerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose keys the gateway of commit {@code edbf5bd} made, three tables and
 * three formats (consent keys and identity keys AES-256-GCM under the consent
 * key-encryption key, bound to the kid or to {@code client-assertion:kid}; the audit key
 * a JWE under the audit key-encryption key), migrated to the one key store: what those
 * keys signed still verifies, and they still sign. The earlier schema is today's
 * migrations up to V3_115, the last one of that commit: Flyway refuses a changed script
 * (checksums), so those are byte for byte the scripts it ran. The rows are written here
 * exactly as that commit's code wrote them, into a database of their own on the shared
 * gateway's server.
 */
class EarlierSigningKeysIntegrationTests extends GatewayIntegrationTest {

	/** The last migration of commit edbf5bd. */
	private static final String EARLIER = "3.115";

	private static final String[] NOW = { "classpath:db/migration/keys", "classpath:db/migration/consent-registry",
			"classpath:db/migration/adapters", "classpath:db/migration/gateway" };

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final byte[] CONSENT_KEK = random(32);

	private static final byte[] AUDIT_KEK = random(32);

	private static final Instant NOW_INSTANT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private static final String DATABASE = "keys_of_edbf5bd";

	private DataSource dataSource;

	/**
	 * A database of its own on the shared gateway's PostgreSQL server, no second server.
	 */
	@BeforeEach
	void createDatabase() {
		JdbcClient server = JdbcClient.create(asOwner(null));
		server.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
		server.sql("CREATE DATABASE " + DATABASE).update();
		this.dataSource = asOwner(DATABASE);
	}

	@AfterEach
	void dropDatabase() {
		JdbcClient.create(asOwner(null)).sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
	}

	/** The server's owner, on the gateway's database or on another one. */
	static DataSource asOwner(@Nullable String database) {
		DatabaseConnection connection = DatabaseConnection.read(dataDir()).orElseThrow();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(connection.url());
		if (database != null) {
			dataSource.setDatabaseName(database);
		}
		dataSource.setUser(connection.adminUsername());
		dataSource.setPassword(connection.adminPassword());
		return dataSource;
	}

	@Test
	void keysTheEarlierGatewayStoredStillVerifyAndSignAfterTheMigration() throws Exception {
		// given: the earlier schema, with its keys and what they signed
		DataSource dataSource = this.dataSource;
		Flyway.configure().dataSource(dataSource).locations(NOW).target(EARLIER).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		ECKey tokenKey = storeIdentityKey(jdbc, "token-signing");
		ECKey clientAssertionKey = storeIdentityKey(jdbc, "client-assertion");
		ECKey retiredConsentKey = storeConsentKey(jdbc, NOW_INSTANT.minus(Duration.ofDays(30)));
		ECKey consentKey = storeConsentKey(jdbc, NOW_INSTANT.minus(Duration.ofDays(1)));
		String statementOfTheRetiredKey = consentStatement(retiredConsentKey);
		storeConsent(jdbc, statementOfTheRetiredKey, retiredConsentKey.getKeyID());
		String statement = consentStatement(consentKey);
		ECKey auditKey = storeAuditKey(jdbc);
		AuditRecord head = null;
		for (int i = 0; i < 5; i++) {
			head = EarlierAuditRows.append(jdbc, AuditChainIntegrationTests.sampleEvent(i));
		}
		storeCheckpoint(jdbc, auditKey, head.position(), head.hash());

		// when
		Flyway.configure().dataSource(dataSource).locations(NOW).load().migrate();

		// then: the published consent key set verifies both statements, and the active
		// key still signs
		KeyRings keyRings = new KeyRings(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
		ConsentKeys consentKeys = new ConsentKeys(dataSource, new DataSourceTransactionManager(dataSource), CONSENT_KEK,
				Duration.ofDays(90), Clock.systemUTC());
		JWKSet consentJwks = JWKSet.parse(consentKeys.keySet().toJson());
		assertThat(consentJwks.getKeys()).extracting((key) -> key.getKeyID())
			.containsExactly(consentKey.getKeyID(), retiredConsentKey.getKeyID());
		assertThat(verifies(statement, consentJwks)).isTrue();
		assertThat(verifies(statementOfTheRetiredKey, consentJwks)).isTrue();
		assertThat(consentKeys.ensureSigningKey()).isEqualTo(consentKey.getKeyID());

		// and: the token signing key (/oauth2/jwks) and the client assertion key are the
		// same keys, private parts included
		SigningKeys identityKeys = new SigningKeys(keyRings, Base64.getEncoder().encodeToString(CONSENT_KEK));
		JWKSet tokenJwks = identityKeys.active(SigningKeys.Purpose.TOKEN_SIGNING);
		assertThat(tokenJwks.toPublicJWKSet().getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(tokenKey.getKeyID()))
			.isEqualTo(tokenKey.toPublicJWK());
		assertThat(tokenJwks.getKeys().get(0).toECKey().toECPrivateKey().getS())
			.isEqualTo(tokenKey.toECPrivateKey().getS());
		assertThat(identityKeys.active(SigningKeys.Purpose.CLIENT_ASSERTION).getKeys().get(0).getKeyID())
			.isEqualTo(clientAssertionKey.getKeyID());

		// and: "audit verify" confirms the checkpoint the earlier key signed, and the
		// next
		// checkpoint is signed with the same key
		AuditSettings settings = new AuditSettings(1000, Duration.ofMinutes(1),
				Base64.getEncoder().encodeToString(AUDIT_KEK), 7, 500, Duration.ofMillis(100),
				AuditTestDatabase.ORIGIN);
		AuditSigningKeys auditKeys = new AuditSigningKeys(keyRings, settings);
		AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc, auditKeys, Clock.systemUTC(), settings);
		AuditEpochs epochs = new AuditEpochs(auditKeys);
		AuditChainVerifier verifier = new AuditChainVerifier(jdbc, checkpoints, new PrunedRanges(jdbc, auditKeys),
				epochs, settings);
		StringWriter output = new StringWriter();
		int exit = new AuditVerifyCommand(verifier).run(List.of(), new PrintWriter(output, true));
		assertThat(exit).as(output.toString()).isZero();
		assertThat(output.toString()).contains("Checked 5 audit events and 1 signed checkpoints")
			.contains("The audit chain is intact.");
		assertThat(auditKeys.publicKeys().getKeys()).singleElement().isEqualTo(auditKey.toPublicJWK());
		new ChainingTrail(dataSource, Clock.systemUTC(),
				new AuditChainer(dataSource, epochs, FaultPoints.none(), Clock.systemUTC(), settings))
			.append(AuditChainIntegrationTests.sampleEvent(5));
		assertThat(checkpoints.signHead())
			.hasValueSatisfying((checkpoint) -> assertThat(checkpoint.keyId()).isEqualTo(auditKey.getKeyID()));

		// and: one store, the earlier tables gone (the registry's keys stay listed,
		// read-only); the checkpoint just signed made the note key, which no earlier
		// gateway had
		assertThat(jdbc.sql("SELECT purpose, count(*) FROM signing_key GROUP BY purpose ORDER BY purpose")
			.query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("audit-checkpoint=1", "audit-note=1", "client-assertion=1", "consent-statement=2",
					"token-signing=1");
		assertThat(jdbc
			.sql("SELECT to_regclass('identity_signing_key') IS NULL AND to_regclass('audit_signing_key')" + " IS NULL")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private static boolean verifies(String statement, JWKSet jwks) throws Exception {
		SignedJWT jwt = SignedJWT.parse(statement);
		ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		return key != null && !key.isPrivate() && jwt.verify(new ECDSAVerifier(key));
	}

	// The rows as edbf5bd's code wrote them.

	/**
	 * identity.SigningKeys: AES-256-GCM, the kid (token signing) or purpose:kid bound.
	 */
	private static ECKey storeIdentityKey(JdbcClient jdbc, String purpose) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.generate();
		String associatedData = "token-signing".equals(purpose) ? key.getKeyID() : purpose + ":" + key.getKeyID();
		jdbc.sql("INSERT INTO identity_signing_key (kid, encrypted_jwk, purpose) VALUES (:kid, :jwk, :purpose)")
			.param("kid", key.getKeyID())
			.param("jwk", gcm(CONSENT_KEK, associatedData, key.toJSONString().getBytes(StandardCharsets.UTF_8)))
			.param("purpose", purpose)
			.update();
		return key;
	}

	/** consent.statement.ConsentKeys: the kid bound, the earlier key retired. */
	private static ECKey storeConsentKey(JdbcClient jdbc, Instant createdAt) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.keyIDFromThumbprint(true)
			.issueTime(Date.from(createdAt))
			.generate();
		jdbc.sql("update consent_signing_key set retired_at = ? where retired_at is null")
			.param(Timestamp.from(createdAt))
			.update();
		jdbc.sql("insert into consent_signing_key (kid, created_at, public_jwk, private_jwk_encrypted)"
				+ " values (?, ?, ?, ?)")
			.params(key.getKeyID(), Timestamp.from(createdAt), key.toPublicJWK().toJSONString(),
					gcm(CONSENT_KEK, key.getKeyID(), key.toJSONString().getBytes(StandardCharsets.UTF_8)))
			.update();
		return key;
	}

	/**
	 * audit.AuditSigningKeys: a JWE (dir, A256GCM) under the audit key-encryption key.
	 */
	private static ECKey storeAuditKey(JdbcClient jdbc) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).keyUse(KeyUse.SIGNATURE).generate();
		JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
				new Payload(key.toJSONString()));
		jwe.encrypt(new DirectEncrypter(AUDIT_KEK));
		jdbc.sql("INSERT INTO audit_signing_key (key_id, public_jwk, private_jwk_jwe, created_at) VALUES (?, ?, ?, ?)")
			.params(key.getKeyID(), key.toPublicJWK().toJSONString(), jwe.serialize(), Timestamp.from(NOW_INSTANT))
			.update();
		return key;
	}

	/** audit.AuditCheckpoints#create. */
	private static void storeCheckpoint(JdbcClient jdbc, ECKey key, long position, String headHash) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer("ketenpoort")
					.issueTime(Date.from(NOW_INSTANT))
					.claim("position", position)
					.claim("head_hash", headHash)
					.claim("event_count", position)
					.build());
		jwt.sign(new ECDSASigner(key));
		jdbc.sql("INSERT INTO audit_checkpoint (position, head_hash, event_count, created_at, key_id, statement)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(position, headHash, position, Timestamp.from(NOW_INSTANT), key.getKeyID(), jwt.serialize())
			.update();
	}

	/** A statement signed as consent.statement.ConsentStatements#issue signs one. */
	private static String consentStatement(ECKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("consent+jwt"))
					.keyID(key.getKeyID())
					.build(),
				new JWTClaimsSet.Builder().issuer("https://ketenpoort.example.nl")
					.subject("sub-" + UUID.randomUUID())
					.jwtID(UUID.randomUUID().toString())
					.issueTime(Date.from(NOW_INSTANT))
					.expirationTime(Date.from(NOW_INSTANT.plus(Duration.ofDays(365))))
					.build());
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

	/** A consent in force that the retired key signed: its key stays published. */
	private static void storeConsent(JdbcClient jdbc, String statement, String kid) {
		String subject = "sub-" + UUID.randomUUID();
		jdbc.sql("insert into consent_subject (pseudonym) values (?)").param(subject).update();
		jdbc.sql("""
				insert into consent (id, subject, purpose_code, purpose_version, sender, recipients, document_types,
				granted_at, valid_until, method, text_language, text_sha256, status, statement, signing_kid)
				values (?, ?, 'social-guidance-vwn', 1, 'tvs', '{vvs}', '{client-profile}', ?, ?, 'portal', 'nl', ?,
				'active', ?, ?)""")
			.params(UUID.randomUUID(), subject, Timestamp.from(NOW_INSTANT.minus(Duration.ofDays(20))),
					Timestamp.from(NOW_INSTANT.plus(Duration.ofDays(365))), "0".repeat(64), statement, kid)
			.update();
	}

	private static byte[] gcm(byte[] kek, String associatedData, byte[] plaintext) throws Exception {
		byte[] iv = random(12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, iv));
		cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		byte[] sealed = cipher.doFinal(plaintext);
		return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
	}

	private static byte[] random(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return buffer;
	}

}
