package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import nl.ketenpoort.gateway.audit.internal.AuditBundleVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditWitnesses;
import nl.ketenpoort.gateway.audit.internal.Cosignature;
import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.gateway.audit.internal.Witness;
import nl.ketenpoort.gateway.audit.internal.WitnessServer;
import nl.ketenpoort.gateway.audit.internal.WitnessSettings;
import nl.ketenpoort.gateway.audit.internal.WitnessState;
import nl.ketenpoort.keys.Ed25519Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway and its witnesses, as real HTTP servers on loopback
 * ({@code witness serve}'s server, WireMock for a witness that lies): checkpoints
 * co-signed by the quorum count as witnessed and go on being co-signed as the tree grows
 * (consistency proofs), a forged cosignature is refused and recorded, a witness that
 * holds another root for a size the gateway signed is a split view, alerted and recorded;
 * the evidence bundle carries the cosignatures and the offline verifier checks them.
 */
class AuditWitnessingIntegrationTests {

	private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static AuditTestDatabase database;

	private final List<WitnessServer> servers = new ArrayList<>();

	private AuditTestDatabase.Parts parts;

	private ChainingTrail trail;

	@TempDir
	Path directories;

	@BeforeAll
	static void startDatabase() throws IOException {
		database = AuditTestDatabase.start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		database.close();
	}

	@BeforeEach
	void tenEventsAndACheckpoint() {
		database.empty();
		this.parts = database.parts(new AuditSettings(1000, Duration.ofMinutes(1), KEY_ENCRYPTION_KEY, 7, 500,
				Duration.ofMillis(100), AuditTestDatabase.ORIGIN));
		this.trail = this.parts.trail(Clock.systemUTC());
		append(10);
		this.parts.checkpoints().signHead().orElseThrow();
	}

	@AfterEach
	void stopWitnesses() {
		this.servers.forEach(WitnessServer::close);
	}

	@Test
	void theQuorumCoSignsAsTheTreeGrowsAndTheBundleCarriesItsCosignatures() throws IOException {
		// given: two witnesses, both needed
		Running coa = witness("witness.coa.test");
		Running raak = witness("witness.raak.test");
		AuditWitnesses witnesses = witnesses(2, configured(coa), configured(raak));
		assertThat(witnesses.lastWitnessed()).isEmpty();

		// when: the checkpoint at 10 goes out, then one at 15
		assertThat(witnesses.witnessLatest()).isEqualTo(2);
		append(5);
		AuditCheckpoints.Checkpoint later = this.parts.checkpoints().signHead().orElseThrow();
		assertThat(witnesses.witnessLatest()).as("co-signed from 10 with a consistency proof").isEqualTo(2);
		assertThat(witnesses.witnessLatest()).as("nothing new to send").isZero();

		// then
		assertThat(witnesses.lastWitnessed()).hasValueSatisfying((witnessed) -> {
			assertThat(witnessed.size()).isEqualTo(15);
			assertThat(witnessed.witnesses()).containsExactly("witness.coa.test", "witness.raak.test");
		});
		SignedNote.Note note = SignedNote.parse(witnesses.cosigned(later));
		assertThat(Cosignature.check(note, coa.verifierKey()).status()).isEqualTo(Cosignature.Status.VALID);
		assertThat(Cosignature.check(note, raak.verifierKey()).status()).isEqualTo(Cosignature.Status.VALID);

		// and: the bundle of three events verifies offline with both cosignatures, and a
		// cosignature changed in it is found
		AuditEvidence evidence = new AuditEvidence(this.parts.jdbc(), this.parts.checkpoints(), this.parts.keys(),
				witnesses);
		String bundle = JSON
			.writeValueAsString(evidence.bundle(List.of(database.row(1), database.row(7), database.row(15))));
		AuditBundleVerifier.Result intact = AuditBundleVerifier.verify(file("bundle.json", bundle), List.of());
		assertThat(intact.problem()).isNull();
		assertThat(intact.events()).isEqualTo(3);
		assertThat(intact.cosigned()).isEqualTo(2);
		assertThat(intact.quorum()).isEqualTo(2);
		SignedNote.Line last = note.signatures().get(note.signatures().size() - 1);
		byte[] signature = last.signature().clone();
		signature[signature.length - 1] ^= 1;
		String line = last.encoded().trim();
		String forgedLine = new SignedNote.Line(last.keyName(), last.keyId(), signature).encoded().trim();
		AuditBundleVerifier.Result forged = AuditBundleVerifier
			.verify(file("forged.json", bundle.replace(line, forgedLine)), List.of());
		assertThat(bundle).contains(line);
		assertThat(forged.problem()).contains("cosignature of witness witness.raak.test does not verify");
	}

	@Test
	void aCosignatureTheWitnessKeyDoesNotVerifyIsRefusedAndRecorded() {
		// given: a "witness" that answers a line under the configured name and key id,
		// whose signature is not that key's
		KeyPair configured = Ed25519Keys.generate();
		Cosignature.VerifierKey key = Cosignature.VerifierKey.of("witness.vvs.test",
				Ed25519Keys.raw(configured.getPublic()));
		SignedNote.Line genuine = Cosignature.sign("other text\n", "witness.vvs.test", configured.getPrivate(),
				key.publicKey(), Instant.now());
		WireMockServer liar = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		liar.start();
		try {
			liar.stubFor(post(urlEqualTo("/add-checkpoint"))
				.willReturn(aResponse().withStatus(200).withBody(genuine.encoded())));
			AuditWitnesses witnesses = witnesses(1,
					new WitnessSettings.Witness(URI.create(liar.baseUrl()), key.encoded(), "vvs"));

			// when
			int cosigned = witnesses.witnessLatest();

			// then
			assertThat(cosigned).isZero();
			assertThat(witnesses.lastWitnessed()).isEmpty();
			assertThat(count("SELECT count(*) FROM audit_cosignature")).isZero();
			assertThat(count("SELECT count(*) FROM audit_event WHERE event_type = 'audit-cosignature-refused'"
					+ " AND recipient = 'vvs'"))
				.isOne();
		}
		finally {
			liar.stop();
		}
	}

	@Test
	void aWitnessHoldingAnotherRootForASignedSizeIsASplitView() {
		// given: a witness that co-signed another tree of size 10 for this origin (the
		// view someone else was shown)
		Path state = this.directories.resolve("split");
		WitnessState.open(state).record(AuditTestDatabase.ORIGIN, new WitnessState.Latest(10, new byte[32]));
		Running witness = witness("witness.split.test", state);
		AuditWitnesses witnesses = witnesses(1, configured(witness));

		// when
		int cosigned = witnesses.witnessLatest();

		// then: nothing co-signed, the split view recorded in the audit log
		assertThat(cosigned).isZero();
		assertThat(count("SELECT count(*) FROM audit_cosignature")).isZero();
		assertThat(count("SELECT count(*) FROM audit_event WHERE event_type = 'audit-split-view'"
				+ " AND reason_code = 'witness-holds-another-root' AND recipient = 'raak'"))
			.isOne();
	}

	/** A witness and the server it answers on. */
	private record Running(Witness witness, WitnessServer server) {

		Cosignature.VerifierKey verifierKey() {
			return this.witness.verifierKey();
		}

	}

	private Running witness(String name) {
		return witness(name, this.directories.resolve(name));
	}

	private Running witness(String name, Path stateDirectory) {
		WitnessState state = WitnessState.open(stateDirectory);
		SignedNote.VerifierKey log = SignedNote.VerifierKey.parse(this.parts.keys().noteVerifierKeys().get(0));
		Witness witness = new Witness(Map.of(AuditTestDatabase.ORIGIN, log), SignedNote.Signer.of(name, state.key()),
				state, Clock.systemUTC());
		WitnessServer server = WitnessServer.start(witness, "127.0.0.1", 0);
		this.servers.add(server);
		return new Running(witness, server);
	}

	private WitnessSettings.Witness configured(Running witness) {
		return new WitnessSettings.Witness(URI.create("http://127.0.0.1:" + witness.server().port()),
				witness.verifierKey().encoded(), "raak");
	}

	private AuditWitnesses witnesses(int quorum, WitnessSettings.Witness... configured) {
		return new AuditWitnesses(this.parts.jdbc(),
				new WitnessSettings(List.of(configured), quorum, Duration.ofSeconds(5)), this.parts.checkpoints(),
				this.trail, Clock.systemUTC());
	}

	private void append(int events) {
		for (int i = 0; i < events; i++) {
			this.trail.append(AuditChainIntegrationTests.sampleEvent(i));
		}
	}

	private long count(String sql) {
		this.trail.chainPending();
		return this.parts.jdbc().sql(sql).query(Long.class).single();
	}

	private Path file(String name, String content) throws IOException {
		return Files.writeString(this.directories.resolve(name), content);
	}

}
