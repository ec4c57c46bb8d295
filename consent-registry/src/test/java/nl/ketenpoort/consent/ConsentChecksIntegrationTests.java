package nl.ketenpoort.consent;

import java.nio.charset.StandardCharsets;
import nl.ketenpoort.schemas.DocumentType;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import nl.ketenpoort.consent.ConsentDecision.Allowed;
import nl.ketenpoort.consent.ConsentDecision.Denied;
import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentChecksIntegrationTests {

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
	void allowsACoveredExchangeWithTheCategoriesOfThePurpose() {
		// given
		Consent consent = this.node.grant(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		// when
		ConsentDecision decision = check("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"));
		// then
		assertThat(decision).isInstanceOfSatisfying(Allowed.class, (allowed) -> {
			assertThat(allowed.consentId()).isEqualTo(consent.id());
			assertThat(allowed.statement()).isEqualTo(consent.statement());
			assertThat(allowed.basis()).isEqualTo(LegalBasis.EXPLICIT_CONSENT);
			assertThat(allowed.specialCategory()).isTrue();
			assertThat(allowed.categories()).contains("education", "health").doesNotContain("planning");
		});
	}

	@Test
	void noConsent() {
		assertThat(check("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.NO_CONSENT));
	}

	@Test
	void revokedOnTheVeryNextCallOnEveryNode() {
		// given
		Consent consent = this.node.grant(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		try (TestRegistry otherNode = this.node.anotherNode()) {
			assertThat(otherNode.checks()
				.check(this.amira, "handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"))
				.allowed()).isTrue();
			assertThat(check("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile")).allowed())
				.isTrue();
			// when
			this.node.registry().revoke(consent.id(), "status-holder", "changed my mind");
			// then
			assertThat(check("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile")))
				.isEqualTo(new Denied(RefusalReason.REVOKED));
			assertThat(otherNode.checks()
				.check(this.amira, "handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile")))
				.isEqualTo(new Denied(RefusalReason.REVOKED));
			assertThat(otherNode.registry().status(consent.id())).isEqualTo(ConsentStatus.REVOKED);
		}
	}

	@Test
	void expiredAtTheEndOfValidityEvenBeforeExpiryIsRecorded() {
		// given
		this.node.grant(this.amira, "language-course-placement", "tvs", List.of("opstartklas"),
				DocumentType.of("nt2-learner-profile"));
		// when
		this.node.clock.advance(Duration.ofDays(366));
		// then
		assertThat(check("language-course-placement", "tvs", "opstartklas", DocumentType.of("nt2-learner-profile")))
			.isEqualTo(new Denied(RefusalReason.EXPIRED));
		this.node.registry().expireDue(this.node.clock.instant());
		assertThat(check("language-course-placement", "tvs", "opstartklas", DocumentType.of("nt2-learner-profile")))
			.isEqualTo(new Denied(RefusalReason.EXPIRED));
	}

	@Test
	void purposeMismatchWhenTheSameSenderAndRecipientHaveConsentForAnotherPurpose() {
		// given
		this.node.grant(this.amira, "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));
		// when / then
		assertThat(check("social-guidance-vwn", "tvs", "raak", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.PURPOSE_MISMATCH));
	}

	@Test
	void partyMismatchWhenThePurposeIsConsentedForOtherParties() {
		// given
		this.node.grant(this.amira, "language-course-placement", "tvs", List.of("opstartklas"),
				DocumentType.of("nt2-learner-profile"));
		// when / then
		assertThat(check("language-course-placement", "tvs", "taalschool-a", DocumentType.of("nt2-learner-profile")))
			.isEqualTo(new Denied(RefusalReason.PARTY_MISMATCH));
		assertThat(check("language-course-placement", "raak", "opstartklas", DocumentType.of("nt2-learner-profile")))
			.isEqualTo(new Denied(RefusalReason.PARTY_MISMATCH));
	}

	@Test
	void documentNotCoveredWhenPurposeAndPartiesMatchButTheTypeIsNotNamed() {
		// given
		this.node.grant(this.amira, "language-course-placement", "tvs", List.of("opstartklas"),
				DocumentType.of("nt2-learner-profile"));
		// when / then
		assertThat(check("language-course-placement", "tvs", "opstartklas", DocumentType.of("opstartklas-report")))
			.isEqualTo(new Denied(RefusalReason.DOCUMENT_NOT_COVERED));
	}

	@Test
	void signatureInvalidWhenTheStoredRowWasEdited() {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		// when: someone widens the consent in the database
		this.jdbc.sql("update consent set document_types = '{client-profile,trajectory-plan}' where id = ?")
			.param(consent.id())
			.update();
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("trajectory-plan")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
	}

	@Test
	void signatureInvalidForATamperedPayload() throws Exception {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		String[] parts = consent.statement().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String widened = payload.replace("\"client-profile\"", "\"client-profile\",\"trajectory-plan\"");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
		// when
		replaceStatement(consent.id(), tampered);
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
		assertThat(this.node.checks()
			.checkStatement(tampered, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("trajectory-plan")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
	}

	@Test
	void signatureInvalidForAlgNone() throws Exception {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		String unsecured = new PlainJWT(SignedJWT.parse(consent.statement()).getJWTClaimsSet()).serialize();
		// when
		replaceStatement(consent.id(), unsecured);
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
		assertThat(this.node.checks()
			.checkStatement(unsecured, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
	}

	@Test
	void signatureInvalidForAnAlgorithmOtherThanEs256() throws Exception {
		// given: an HMAC token naming the registry's own key id
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(consent.signingKid()).build(),
				SignedJWT.parse(consent.statement()).getJWTClaimsSet());
		hmac.sign(new MACSigner(new byte[32]));
		// when
		replaceStatement(consent.id(), hmac.serialize());
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
	}

	@Test
	void keyUnknownForAStatementSignedByAnotherKey() throws Exception {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("foreign").generate();
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("consent+jwt"))
					.keyID("foreign")
					.build(),
				SignedJWT.parse(consent.statement()).getJWTClaimsSet());
		forged.sign(new ECDSASigner(foreign));
		// when
		replaceStatement(consent.id(), forged.serialize());
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.KEY_UNKNOWN));
		assertThat(this.node.checks()
			.checkStatement(forged.serialize(), "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.KEY_UNKNOWN));
	}

	@Test
	void signatureInvalidForAForeignKeyClaimingTheRegistrysKeyId() throws Exception {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		JWTClaimsSet claims = SignedJWT.parse(consent.statement()).getJWTClaimsSet();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(consent.signingKid()).build(),
				claims);
		forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
		// when
		replaceStatement(consent.id(), forged.serialize());
		// then
		assertThat(check("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.SIGNATURE_INVALID));
	}

	@Test
	void presentedStatementIsAcceptedOnlyForWhatItCovers() {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		String statement = consent.statement();
		// when / then
		assertThat(this.node.checks()
			.checkStatement(statement, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"))
			.allowed()).isTrue();
		assertThat(this.node.checks()
			.checkStatement(statement, "handover-coa-municipality", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.PURPOSE_MISMATCH));
		assertThat(this.node.checks()
			.checkStatement(statement, "social-guidance-vwn", "raak", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.PARTY_MISMATCH));
		assertThat(this.node.checks()
			.checkStatement(statement, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("trajectory-plan")))
			.isEqualTo(new Denied(RefusalReason.DOCUMENT_NOT_COVERED));
		this.node.registry().revoke(consent.id(), "status-holder", "no longer needed");
		assertThat(this.node.checks()
			.checkStatement(statement, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.REVOKED));
	}

	@Test
	void presentedStatementPastItsExpiryIsRejected() {
		// given
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		// when
		this.node.clock.advance(Duration.ofDays(31 * 30 + 1));
		// then
		assertThat(this.node.checks()
			.checkStatement(consent.statement(), "social-guidance-vwn", "tvs", "vvs",
					DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.EXPIRED));
	}

	@Test
	void aStatementForAnotherConsentIdIsNoConsent() throws Exception {
		// given: correctly signed, but for a consent the registry does not hold
		Consent consent = this.node.grant(this.amira, "social-guidance-vwn", "tvs", List.of("vvs"),
				DocumentType.of("client-profile"));
		JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(consent.statement()).getJWTClaimsSet())
			.jwtID(UUID.randomUUID().toString())
			.expirationTime(Date.from(consent.validUntil()))
			.build();
		String statement = this.node.statements()
			.issue(new nl.ketenpoort.consent.statement.StatementClaims(claims.getIssuer(), this.amira,
					UUID.fromString(claims.getJWTID()), consent.grantedAt(), consent.grantedAt(), consent.validUntil(),
					consent.purpose(), consent.purposeVersion(), consent.from(), consent.to(), consent.documents(),
					LegalBasis.CONSENT, consent.textSha256(), consent.language(), "portal"))
			.compact();
		// when / then
		assertThat(this.node.checks()
			.checkStatement(statement, "social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile")))
			.isEqualTo(new Denied(RefusalReason.NO_CONSENT));
	}

	private ConsentDecision check(String purpose, String from, String to, nl.ketenpoort.schemas.DocumentType type) {
		return this.node.checks().check(this.amira, purpose, from, to, type);
	}

	private void replaceStatement(UUID consentId, String statement) {
		this.jdbc.sql("update consent set statement = ? where id = ?").params(statement, consentId).update();
	}

}
