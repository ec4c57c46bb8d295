package nl.ketenpoort.gateway.audit;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.exchange.ExchangeExamples;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit tree from outside: a privacy officer of a party gets the inclusion proof of
 * an exchange's accepted event and checks it, with the checkpoint's signature, against
 * the tree root the checkpoint signs; a later checkpoint's tree is shown to extend it. An
 * officer of another organisation gets nothing.
 */
class AuditProofApiIntegrationTests extends GatewayIntegrationTest {

	private static final HexFormat HEX = HexFormat.of();

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Subjects subjects;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditTrail trail;

	@Test
	void anOfficerOfAPartyChecksTheEventsProofAgainstTheSignedTreeRootAndALaterTreeExtendsIt() throws Exception {
		// given: an accepted exchange from TVS (COA) to RAAK, chained
		UUID eventId = acceptedEvent();
		String officer = this.tokens.person(Role.PRIVACY_OFFICER, "coa");

		// when
		HttpResponse<String> answer = get("/api/v1/audit/events/" + eventId + "/proof", officer);

		// then: the proof leads from the event's leaf to the root the checkpoint signs
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode proof = json(answer);
		long size = proof.get("treeSize").asLong();
		long index = proof.get("leafIndex").asLong();
		byte[] leaf = leafHash(HEX.parseHex(proof.get("eventHash").asString()));
		assertThat(HEX.formatHex(leaf)).isEqualTo(proof.get("leafHash").asString());
		List<byte[]> path = hashes(proof.get("inclusionProof"));
		byte[] root = signedRoot(proof.get("checkpoint"), officer, size);
		assertThat(AuditTree.verifyInclusion(index, size, leaf, path, root)).isTrue();
		// and one changed byte anywhere breaks it
		byte[] tampered = root.clone();
		tampered[7] ^= 1;
		assertThat(AuditTree.verifyInclusion(index, size, leaf, path, tampered)).isFalse();
		if (!path.isEmpty()) {
			path.get(0)[0] ^= 1;
			assertThat(AuditTree.verifyInclusion(index, size, leaf, path, root)).isFalse();
		}

		// when: more events, a later checkpoint
		this.trail.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.reason("proof-test")
			.build());
		this.fixtures.chained();
		AuditCheckpoints.Checkpoint later = this.checkpoints.signHead().orElseThrow();
		HttpResponse<String> consistency = get(
				"/api/v1/audit/consistency?first=" + size + "&second=" + later.position(), officer);

		// then: the later tree extends the earlier one
		assertThat(consistency.statusCode()).as(consistency.body()).isEqualTo(200);
		JsonNode body = json(consistency);
		byte[] laterRoot = signedRoot(body.get("second"), officer, later.position());
		List<byte[]> consistencyProof = hashes(body.get("consistencyProof"));
		assertThat(AuditTree.verifyConsistency(size, later.position(), root, laterRoot, consistencyProof)).isTrue();
		assertThat(AuditTree.verifyConsistency(size, later.position(), laterRoot, root, consistencyProof)).isFalse();
	}

	@Test
	void anOfficerOfAnotherOrganisationGetsNoProof() {
		UUID eventId = acceptedEvent();

		HttpResponse<String> answer = get("/api/v1/audit/events/" + eventId + "/proof",
				this.tokens.person(Role.PRIVACY_OFFICER, "vwn"));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
		assertThat(answer.body()).doesNotContain("inclusionProof");
	}

	/** The root a checkpoint's statement signs, after checking the signature. */
	private byte[] signedRoot(JsonNode checkpoint, String officer, long size) throws Exception {
		JWKSet keys = JWKSet.parse(json(get("/api/v1/audit/checkpoints", officer)).get("keys").toString());
		JWSObject statement = JWSObject.parse(checkpoint.get("statement").asString());
		assertThat(statement.verify(new ECDSAVerifier(keys.getKeyByKeyId(statement.getHeader().getKeyID()).toECKey())))
			.as("the checkpoint's signature")
			.isTrue();
		assertThat(((Number) statement.getPayload().toJSONObject().get("position")).longValue()).isEqualTo(size);
		String root = (String) statement.getPayload().toJSONObject().get("tree_root");
		assertThat(root).isEqualTo(checkpoint.get("treeRoot").asString());
		return HEX.parseHex(root);
	}

	private UUID acceptedEvent() {
		String vNumber = Fixtures.newVNumber();
		this.fixtures.grant(this.subjects.enrol(VNumber.parse(vNumber)), "handover-coa-municipality", "tvs",
				List.of("raak"), DocumentType.of("client-profile"));
		ObjectNode request = JSON.createObjectNode();
		request.put("documentType", "client-profile");
		request.put("purpose", "handover-coa-municipality");
		request.put("recipient", "raak");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", ExchangeExamples.about(ExchangeExamples.clientProfile(), vNumber));
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/exchanges"))
			.header("Authorization", "Bearer " + this.tokens.partner("tvs"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(request.toString())));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		this.fixtures.chained();
		return JdbcClient.create(this.dataSource)
			.sql("SELECT event_id FROM audit_event WHERE exchange_id = ?::uuid AND event_type = 'accepted'")
			.param(json(accepted).get("id").asString())
			.query(UUID.class)
			.single();
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
	}

	private static List<byte[]> hashes(JsonNode array) {
		return array.values().stream().map((hash) -> HEX.parseHex(hash.asString())).toList();
	}

	/** RFC 9162 §2.1.1, written here rather than taken from the code under test. */
	private static byte[] leafHash(byte[] data) throws Exception {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update((byte) 0);
		return sha256.digest(data);
	}

}
