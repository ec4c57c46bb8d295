package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import nl.ketenpoort.gateway.audit.internal.AuditBuildTreeCommand;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditRotateNoteKeyCommand;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.keys.Ed25519Keys;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;
import nl.ketenpoort.gateway.audit.internal.AuditVerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database superuser tampers with the audit log in every way the issue names;
 * verification finds each break at the right position and tells its kind.
 */
class AuditChainIntegrationTests {

	private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static AuditTestDatabase database;

	private static DataSource dataSource;

	private JdbcClient jdbc;

	private AuditTrail trail;

	private AuditChainVerifier verifier;

	private AuditCheckpoints checkpoints;

	private AuditSigningKeys keys;

	private AuditSettings settings;

	@BeforeAll
	static void startDatabase() throws IOException {
		database = AuditTestDatabase.start();
		dataSource = database.dataSource();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		database.close();
	}

	@BeforeEach
	void freshChain() {
		database.empty();
		database.tamper("DELETE FROM exchange");
		AuditTestDatabase.Parts parts = database.parts(new AuditSettings(1000, java.time.Duration.ofMinutes(1),
				KEY_ENCRYPTION_KEY, 7, 500, java.time.Duration.ofMillis(100), AuditTestDatabase.ORIGIN));
		this.jdbc = parts.jdbc();
		this.keys = parts.keys();
		this.settings = new AuditSettings(1000, java.time.Duration.ofMinutes(1), KEY_ENCRYPTION_KEY, 7, 500,
				java.time.Duration.ofMillis(100), AuditTestDatabase.ORIGIN);
		this.checkpoints = parts.checkpoints();
		this.verifier = parts.verifier();
		this.trail = parts.trail(Clock.systemUTC());
		for (int i = 0; i < 20; i++) {
			this.trail.append(sampleEvent(i));
		}
	}

	@Test
	void untouchedChainVerifies() {
		ChainVerification result = this.verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(20);
	}

	@Test
	void aRewrittenNodeOfTheAuditTreeIsFoundAtTheCheckpointThatSignedItsRoot() {
		// given: a checkpoint that signs the tree's root
		AuditCheckpoints.Checkpoint signed = this.checkpoints.signHead().orElseThrow();
		assertThat(signed.treeRoot()).as("the tree covers the chain").isNotNull();
		assertThat(this.verifier.verify().intact()).isTrue();

		// when: the inner node over leaves 0-15, on the path to the root, is rewritten
		database.tamper("UPDATE audit_tree_node SET hash = sha256(hash) WHERE level = 4 AND idx = 0");

		// then: the root no longer is the signed one
		assertBroken(this.verifier.verify(), signed.position(), ChainBreak.MODIFIED);
	}

	@Test
	void aRewrittenLeafOfTheAuditTreeIsFoundAtItsEvent() {
		this.checkpoints.signHead();
		database.tamper("UPDATE audit_tree_node SET hash = sha256(hash) WHERE level = 0 AND idx = 3");

		assertBroken(this.verifier.verify(), 4, ChainBreak.MODIFIED);
	}

	@Test
	void modifiedRowIsFoundAtItsPosition() {
		database.tamper("UPDATE audit_event SET recipient = 'vvs' WHERE position = 9");

		assertBroken(this.verifier.verify(), 9, ChainBreak.MODIFIED);
	}

	@Test
	void modifiedFieldListIsFound() {
		database.tamper("UPDATE audit_event SET field_names = array_append(field_names, 'health') WHERE position = 4");

		assertBroken(this.verifier.verify(), 4, ChainBreak.MODIFIED);
	}

	@Test
	void commandLineExitsOneWithTheFirstBadPositionAndItsKind() {
		database.tamper("UPDATE audit_event SET recipient = 'vvs' WHERE position = 9");
		java.io.StringWriter output = new java.io.StringWriter();

		int exit = new AuditVerifyCommand(this.verifier).run(List.of(), new java.io.PrintWriter(output, true));

		assertThat(exit).isEqualTo(1);
		assertThat(output.toString()).contains("Checked 9 audit events").contains("broken at position 9: modified");
	}

	@Test
	void deletedRowIsFoundAtItsPosition() {
		database.tamper("DELETE FROM audit_event WHERE position = 12");

		assertBroken(this.verifier.verify(), 12, ChainBreak.DELETED);
	}

	@Test
	void deletedRowWithRenumberedSuccessorsIsFound() {
		database.tamper("DELETE FROM audit_event WHERE position = 12");
		database.tamper("UPDATE audit_event SET position = position - 1 WHERE position > 12");

		assertBroken(this.verifier.verify(), 12, ChainBreak.DELETED);
	}

	@Test
	void insertedRowIsFoundAtItsPosition() {
		// given: rows from 7 on moved up, and a forged row at 7 linked to row 6
		database.tamper("UPDATE audit_event SET position = position + 1000 WHERE position >= 7");
		database.tamper("UPDATE audit_event SET position = position - 999 WHERE position >= 1007");
		AuditRecord six = database.row(6);
		AuditEvent forged = sampleEvent(99);
		UUID id = UUID.randomUUID();
		AuditRecord record = AuditRecord.hashed(7, id, six.recordedAt(), "00000000000000aa", forged, six.hash());
		database.tamperInsert(record);

		assertBroken(this.verifier.verify(), 7, ChainBreak.INSERTED);
	}

	@Test
	void insertedRowWithoutAValidHashIsStillAnInsertion() {
		database.tamper("UPDATE audit_event SET position = position + 1000 WHERE position >= 7");
		database.tamper("UPDATE audit_event SET position = position - 999 WHERE position >= 1007");
		AuditRecord six = database.row(6);
		AuditRecord record = new AuditRecord(7, UUID.randomUUID(), six.recordedAt(), "00000000000000aa",
				sampleEvent(99), six.hash(), "f".repeat(64), AuditCatalogue.FORM);
		database.tamperInsert(record);

		assertBroken(this.verifier.verify(), 7, ChainBreak.INSERTED);
	}

	@Test
	void reorderedRowsAreFound() {
		database.tamper("UPDATE audit_event SET position = -15 WHERE position = 15");
		database.tamper("UPDATE audit_event SET position = 15 WHERE position = 16");
		database.tamper("UPDATE audit_event SET position = 16 WHERE position = -15");

		assertBroken(this.verifier.verify(), 15, ChainBreak.REORDERED);
	}

	@Test
	void truncatedEndIsFoundThroughTheSignedCheckpoint() {
		this.checkpoints.create(20, database.row(20).hash());
		database.tamper("DELETE FROM audit_event WHERE position > 17");

		assertBroken(this.verifier.verify(), 18, ChainBreak.DELETED);
	}

	@Test
	void tailCutOffAfterAVerifyRequestIsFoundThroughTheHeadSignedThen() {
		// given: the last interval checkpoint at 20, three more events, and a privacy
		// officer who verified them
		this.checkpoints.create(20, database.row(20).hash());
		for (int i = 20; i < 23; i++) {
			this.trail.append(sampleEvent(i));
		}
		assertThat(new AuditVerifyCommand(this.verifier).run(List.of(), new PrintWriter(new StringWriter()))).isZero();

		// when: a superuser deletes what followed the interval checkpoint
		database.tamper("DELETE FROM audit_event WHERE position > 20");

		// then
		assertBroken(this.verifier.verify(), 21, ChainBreak.DELETED);
	}

	@Test
	void intervalTickSignsTheHeadAlthoughFewerEventsArrivedThanCheckpointEvery() {
		this.checkpoints.create(20, database.row(20).hash());
		for (int i = 20; i < 23; i++) {
			this.trail.append(sampleEvent(i));
		}
		AuditCheckpoints aMinuteLater = new AuditCheckpoints(this.jdbc, this.keys,
				Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)), this.settings);

		assertThat(aMinuteLater.createIfDue()).map(AuditCheckpoints.Checkpoint::position).contains(23L);
		database.tamper("DELETE FROM audit_event WHERE position > 20");
		assertBroken(this.verifier.verify(), 21, ChainBreak.DELETED);
	}

	@Test
	void tailCutOffBeforeAnySignedHeadIsFoundThroughTheExchangeReferringToIt() {
		// given: signed head at 20, then an exchange accepted (21) and a read (22)
		this.checkpoints.create(20, database.row(20).hash());
		UUID exchange = UUID.randomUUID();
		database.insertExchange(exchange);
		this.trail.append(AuditEvent.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS, AuditActor.partner("tvs", "coa"))
			.route("tvs", "raak")
			.document("client-profile", exchange)
			.build());
		this.trail.append(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS, AuditActor.SYSTEM).build());

		// when: a superuser deletes both events; the chain that remains is consistent
		database.tamper("DELETE FROM audit_event WHERE position > 20");

		// then
		assertBroken(this.verifier.verify(), 21, ChainBreak.DELETED);

		// and also when later events took the deleted positions again
		this.trail.append(sampleEvent(30));
		this.trail.append(sampleEvent(31));
		assertBroken(this.verifier.verify(), 21, ChainBreak.DELETED);
	}

	@Test
	void exchangeWhoseEventsAreAllThereVerifies() {
		UUID exchange = UUID.randomUUID();
		database.insertExchange(exchange);
		this.trail.append(AuditEvent.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS, AuditActor.partner("tvs", "coa"))
			.route("tvs", "raak")
			.document("client-profile", exchange)
			.build());
		this.trail.append(AuditEvent.of(AuditEventType.DELIVERED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.route("tvs", "raak")
			.document("client-profile", exchange)
			.build());

		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void rewrittenChainIsCaughtByTheCheckpoint() {
		// given: a checkpoint, then a row changed and every later hash recomputed to
		// match
		this.checkpoints.create(20, database.row(20).hash());
		database.tamper("UPDATE audit_event SET recipient = 'vvs' WHERE position = 10");
		String prev = database.row(9).hash();
		for (long position = 10; position <= 20; position++) {
			AuditRecord record = database.row(position);
			String hash = AuditRecord
				.hashed(position, record.eventId(), record.recordedAt(), record.operationId(), record.event(), prev)
				.hash();
			database.tamper("UPDATE audit_event SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE position = "
					+ position);
			prev = hash;
		}

		assertBroken(this.verifier.verify(), 20, ChainBreak.MODIFIED);
	}

	@Test
	void forgedCheckpointSignatureIsFound() {
		this.checkpoints.create(20, database.row(20).hash());
		database.tamper("UPDATE audit_checkpoint SET statement = statement || 'x' WHERE position = 20");

		assertBroken(this.verifier.verify(), 20, ChainBreak.MODIFIED);
	}

	@Test
	void aChainWithoutItsTreeGetsItFromTheBuildTreeCommandAndVerifies() {
		// given: a chain whose tree is gone (as a chain from before the tree has none)
		database.tamper("DELETE FROM audit_tree_node");

		// when
		StringWriter output = new StringWriter();
		int exit = new AuditBuildTreeCommand(this.jdbc, new DataSourceTransactionManager(dataSource)).run(List.of(),
				new PrintWriter(output, true));

		// then: every chained event is a leaf again, and checkpoints sign its root
		assertThat(exit).as(output.toString()).isZero();
		assertThat(output.toString()).contains("Added 20 leaves").contains("it covers 20 of 20 chained events");
		AuditCheckpoints.Checkpoint signed = this.checkpoints.signHead().orElseThrow();
		assertThat(signed.treeRoot()).isNotNull();
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void aCheckpointIsASignedNoteThatTheNoteKeysVerifyAfterARotation() {
		// given: a checkpoint, then a new note key, then a second checkpoint
		AuditCheckpoints.Checkpoint first = this.checkpoints.create(10, database.row(10).hash());
		StringWriter rotation = new StringWriter();
		assertThat(new AuditRotateNoteKeyCommand(this.keys).run(List.of(), new PrintWriter(rotation, true))).isZero();
		AuditCheckpoints.Checkpoint second = this.checkpoints.create(20, database.row(20).hash());

		// then each is a C2SP tlog-checkpoint of the tree at its size, under the origin
		for (AuditCheckpoints.Checkpoint checkpoint : List.of(first, second)) {
			SignedNote.Note note = SignedNote.parse(checkpoint.note());
			SignedNote.Checkpoint body = SignedNote.Checkpoint.parse(note.text());
			assertThat(body.origin()).isEqualTo(AuditTestDatabase.ORIGIN);
			assertThat(body.size()).isEqualTo(checkpoint.position());
			assertThat(java.util.HexFormat.of().formatHex(body.root())).isEqualTo(checkpoint.treeRoot());
		}
		// signed by the key active then: the retired one still verifies the first
		List<SignedNote.VerifierKey> keys = this.keys.noteVerifierKeys()
			.stream()
			.map(SignedNote.VerifierKey::parse)
			.toList();
		assertThat(keys).hasSize(2);
		assertThat(rotation.toString()).as("the new key, for the witnesses").contains(keys.get(0).encoded());
		assertThat(SignedNote.verify(SignedNote.parse(second.note()), keys.get(0))).isTrue();
		assertThat(SignedNote.verify(SignedNote.parse(first.note()), keys.get(0))).isFalse();
		assertThat(SignedNote.verify(SignedNote.parse(first.note()), keys.get(1))).isTrue();
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void aCheckpointNoteOfAnotherRootOrKeyIsFound() {
		// given: a checkpoint note whose root is another, signed by a key of its own
		AuditCheckpoints.Checkpoint checkpoint = this.checkpoints.create(20, database.row(20).hash());
		SignedNote.Signer stranger = SignedNote.Signer.of(AuditTestDatabase.ORIGIN, Ed25519Keys.generate());
		String forged = SignedNote.sign(new SignedNote.Checkpoint(AuditTestDatabase.ORIGIN, 20, new byte[32]).text(),
				stranger);
		database.tamper("UPDATE audit_checkpoint SET note = '" + forged + "' WHERE position = 20");
		assertBroken(this.verifier.verify(), 20, ChainBreak.MODIFIED);

		// and: the note of the right key but of another size
		String resized = SignedNote.sign(new SignedNote.Checkpoint(AuditTestDatabase.ORIGIN, 19,
				java.util.HexFormat.of().parseHex(checkpoint.treeRoot()))
			.text(), this.keys.noteSigner());
		database.tamper("UPDATE audit_checkpoint SET note = '" + resized + "' WHERE position = 20");
		assertBroken(this.verifier.verify(), 20, ChainBreak.MODIFIED);
	}

	@Test
	void rangeVerificationStartsFromTheStoredPredecessor() {
		database.tamper("UPDATE audit_event SET sender = 'raak' WHERE position = 3");

		assertThat(this.verifier.verify(5, 20).intact()).isTrue();
		assertBroken(this.verifier.verify(1, 10), 3, ChainBreak.MODIFIED);
	}

	@Test
	void rangeVerificationLeavesCheckpointsBeyondTheRangeAlone() {
		this.checkpoints.create(20, database.row(20).hash());
		this.checkpoints.create(8, database.row(8).hash());

		ChainVerification upToTen = this.verifier.verify(1, 10);

		assertThat(upToTen.intact()).isTrue();
		assertThat(upToTen.checkpoints()).isEqualTo(1);
	}

	@Test
	void theDatabaseRefusesUpdateAndDeleteEvenToTheOwner() {
		List<String> refused = new ArrayList<>();
		for (String sql : List.of("UPDATE audit_event SET recipient = 'vvs' WHERE position = 1",
				"DELETE FROM audit_event WHERE position = 1", "TRUNCATE audit_event")) {
			try {
				this.jdbc.sql(sql).update();
			}
			catch (RuntimeException ex) {
				refused.add(sql);
			}
		}

		assertThat(refused).hasSize(3);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	private static void assertBroken(ChainVerification result, long position, ChainBreak kind) {
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBadPosition()).isEqualTo(position);
		assertThat(result.kind()).isEqualTo(kind);
	}

	static AuditEvent sampleEvent(int i) {
		return AuditEvent.of(AuditEventType.DELIVERED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.purpose("handover-coa-municipality", "GDPR 6(1)(a)")
			.consent(UUID.randomUUID())
			.subject("sub-v-" + "%064x".formatted(i))
			.route("tvs", "raak")
			.document("client-profile", UUID.randomUUID())
			.payload(List.of("subject.vNumber", "education", "languages"), "%064x".formatted(i * 7919L))
			.partnerStatus(202)
			.trace(new AuditTrace("%032x".formatted(i + 1), "%016x".formatted(i + 1), null, null))
			.build();
	}

}
