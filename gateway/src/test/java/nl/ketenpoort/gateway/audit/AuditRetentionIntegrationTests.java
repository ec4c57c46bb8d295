package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.gateway.database.SchemaOwner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditPruneCommand;
import nl.ketenpoort.gateway.audit.internal.AuditPruner;
import nl.ketenpoort.gateway.audit.internal.AuditTreeNodes;
import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.audit.internal.AuditSettings;
import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.AuditVerifyCommand;
import nl.ketenpoort.gateway.audit.internal.PrunedRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Retention per purpose: expired events leave the log, the rest of the chain still
 * verifies from the signed checkpoint, and a deletion that only pretends to be pruning is
 * found.
 */
class AuditRetentionIntegrationTests {

	private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final Instant RECORDED = Instant.parse("2024-03-01T10:00:00Z");

	private static final Instant TWO_YEARS_LATER = Instant.parse("2026-03-02T10:00:00Z");

	private static final String SHORT_LIVED = "handover-notice";

	private static final String LONG_LIVED = "handover-coa-municipality";

	private static final PurposeCatalogue CATALOGUE = PurposeCatalogue.load();

	private static AuditTestDatabase database;

	private static DataSource dataSource;

	private JdbcClient jdbc;

	private AuditSigningKeys keys;

	private AuditCheckpoints checkpoints;

	private AuditChainVerifier verifier;

	private PrunedRanges pruned;

	private final AuditSettings settings = new AuditSettings(1000, Duration.ofMinutes(1), KEY_ENCRYPTION_KEY, 4, 500,
			Duration.ofMillis(100), AuditTestDatabase.ORIGIN);

	private final AuditRetention retention = new AuditRetention(Period.ofYears(7),
			Map.of(SHORT_LIVED, Period.ofYears(1)), Duration.ofHours(24), Period.ofYears(1));

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
	void chainOfTwoPurposesWithACheckpoint() {
		database.empty();
		database.tamper("DELETE FROM exchange");
		AuditTestDatabase.Parts parts = database.parts(this.settings);
		this.jdbc = parts.jdbc();
		this.keys = parts.keys();
		this.checkpoints = parts.checkpoints();
		this.pruned = parts.pruned();
		this.verifier = parts.verifier();
		AuditTrail trail = database.parts(this.settings).trail(Clock.fixed(RECORDED, ZoneOffset.UTC));
		// positions 1-24: three short-lived, one long-lived, one without purpose,
		// repeated:
		// short-lived at 1-3, 6-8, 11-13, 16-18, 21-23
		for (int i = 1; i <= 24; i++) {
			String purpose = switch (i % 5) {
				case 0 -> null;
				case 4 -> LONG_LIVED;
				default -> SHORT_LIVED;
			};
			trail.append(event(purpose, i));
		}
		this.checkpoints.create(20, hashAt(20));
	}

	@Test
	void expiredEventsOfAShortRetentionLeaveAndTheChainStillVerifies() {
		AuditPruner.Result result = pruner(TWO_YEARS_LATER).prune();

		// short-lived before the checkpoint at 20: 1-3, 6-8, 11-13, 16-18
		assertThat(result.refusal()).isNull();
		assertThat(result.events()).isEqualTo(12);
		assertThat(result.ranges()).isEqualTo(4);
		assertThat(result.anchorPosition()).isEqualTo(20);
		assertThat(storedPositionsOf(SHORT_LIVED)).containsExactly(21L, 22L, 23L);
		assertThat(storedPositionsOf(LONG_LIVED)).containsExactly(4L, 9L, 14L, 19L, 24L);
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.pruned()).isEqualTo(12);
		assertThat(verification.checked()).isEqualTo(25 - 12);
		assertThat(verification.checkpoints()).isEqualTo(1);
	}

	@Test
	void afterPruningTheSurvivingEventsStillHaveProofsAndTheTreeStaysConsistent() {
		// given: the checkpoint at 20 signs the tree's root; the head is signed too
		AuditCheckpoints.Checkpoint atTwenty = this.checkpoints.latest().orElseThrow();
		assertThat(atTwenty.treeRoot()).isNotNull();
		AuditCheckpoints.Checkpoint head = this.checkpoints.signHead().orElseThrow();

		// when: retention prunes 1-3, 6-8, 11-13, 16-18, 21-23, before the head signed at
		// 24 (and the pruning is recorded as event 25)
		assertThat(pruner(TWO_YEARS_LATER).prune().events()).isEqualTo(15);
		AuditCheckpoints.Checkpoint afterPruning = this.checkpoints.signHead().orElseThrow();

		// then: a surviving event (position 9) is in both signed trees
		byte[] leaf = AuditTree.leafHash(HexFormat.of().parseHex(hashAt(9)));
		for (AuditCheckpoints.Checkpoint checkpoint : List.of(atTwenty, afterPruning)) {
			List<byte[]> proof = AuditTreeNodes.withSubtrees(this.jdbc,
					(tree) -> AuditTree.inclusionProof(tree, 8, checkpoint.position()));
			assertThat(AuditTree.verifyInclusion(8, checkpoint.position(), leaf, proof,
					HexFormat.of().parseHex(checkpoint.treeRoot())))
				.as("position 9 in the tree of %s", checkpoint.position())
				.isTrue();
		}
		// and: the tree after pruning extends the ones before
		for (AuditCheckpoints.Checkpoint before : List.of(atTwenty, head)) {
			List<byte[]> consistency = AuditTreeNodes.withSubtrees(this.jdbc,
					(tree) -> AuditTree.consistencyProof(tree, before.position(), afterPruning.position()));
			assertThat(AuditTree.verifyConsistency(before.position(), afterPruning.position(),
					HexFormat.of().parseHex(before.treeRoot()), HexFormat.of().parseHex(afterPruning.treeRoot()),
					consistency))
				.as("%s to %s", before.position(), afterPruning.position())
				.isTrue();
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void anExchangeWhoseAcceptedEventWasPrunedStillVerifies() {
		UUID exchange = UUID.randomUUID();
		database.insertExchange(exchange);
		database.tamper("INSERT INTO audit_tail_anchor (exchange_id, accepted_position, accepted_event_id,"
				+ " status_position, status_event_id) VALUES ('" + exchange + "', 2, '" + database.row(2).eventId()
				+ "', 4, '" + database.row(4).eventId() + "')");

		pruner(TWO_YEARS_LATER).prune();

		assertThat(storedPositionsOf(SHORT_LIVED)).doesNotContain(2L);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void thePruningIsItselfRecordedAndSigned() {
		AuditPruner.Result result = pruner(TWO_YEARS_LATER).prune();

		AuditRecord last = database.row(25);
		assertThat(last.event().type()).isEqualTo(AuditEventType.AUDIT_PRUNED);
		PrunedRanges.Pruning pruning = this.pruned.prunings().get(0);
		assertThat(pruning.pruningId()).isEqualTo(result.pruningId());
		assertThat(last.event().payloadSha256()).isEqualTo(pruning.rangesSha256());
		assertThat(this.pruned.confirmed(pruning.pruningId())).isTrue();
	}

	@Test
	void nothingAfterTheSignedCheckpointIsPrunedAndNothingYoung() {
		pruner(TWO_YEARS_LATER).prune();

		assertThat(storedPositionsOf(SHORT_LIVED)).allMatch((position) -> position > 20);
		AuditPruner.Result early = pruner(RECORDED.plus(Duration.ofDays(200))).prune();
		assertThat(early.events()).isZero();
		assertThat(early.pruningId()).isNull();
	}

	@Test
	void everyPurposeGoesOnceItsOwnPeriodHasPassedAndTheChainStillVerifies() {
		pruner(TWO_YEARS_LATER).prune();
		this.checkpoints.create(25, hashAt(25));

		AuditPruner.Result later = pruner(RECORDED.plus(Duration.ofDays(8 * 366))).prune();

		// what is left before the checkpoint at 25 goes too; 25 itself anchors the chain
		assertThat(later.events()).isEqualTo(24 - 12);
		assertThat(this.jdbc.sql("SELECT min(position) FROM audit_event").query(Long.class).single()).isEqualTo(25);
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.pruned()).isEqualTo(24);
		assertThat(this.verifier.verify(5, 26).intact()).isTrue();
		assertThat(this.verifier.verify(26, 26).intact()).isTrue();
	}

	@Test
	void theGatewayPrunesOnItsOwnOncePerInterval() {
		pruner(TWO_YEARS_LATER).pruneIfDue();
		this.checkpoints.create(25, hashAt(25));

		pruner(TWO_YEARS_LATER.plus(Duration.ofHours(23))).pruneIfDue();

		assertThat(count("audit_pruning")).isEqualTo(1);
		assertThat(storedPositionsOf(SHORT_LIVED)).containsExactly(21L, 22L, 23L);

		pruner(TWO_YEARS_LATER.plus(Duration.ofHours(25))).pruneIfDue();

		assertThat(count("audit_pruning")).isEqualTo(2);
		assertThat(storedPositionsOf(SHORT_LIVED)).isEmpty();
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void aNodeThatFoundNothingToPruneWaitsForTheIntervalBeforeItLooksAgain() {
		Instant expiry = RECORDED.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
		MutableClock clock = new MutableClock(expiry.minus(Duration.ofHours(1)));
		AuditPruner pruner = new AuditPruner(SchemaOwner.connectingTo(dataSource), this.jdbc, this.verifier,
				this.checkpoints, this.pruned, database.parts(this.settings).trail(clock), this.retention, CATALOGUE,
				clock);
		pruner.pruneIfDue();
		assertThat(count("audit_pruning")).isZero();

		// expired by now, but this node looked less than a day ago
		clock.now = expiry.plus(Duration.ofHours(2));
		pruner.pruneIfDue();
		assertThat(count("audit_pruning")).isZero();

		clock.now = expiry.plus(Duration.ofHours(24));
		pruner.pruneIfDue();
		assertThat(count("audit_pruning")).isEqualTo(1);
		assertThat(storedPositionsOf(SHORT_LIVED)).containsExactly(21L, 22L, 23L);
	}

	@Test
	void manyShortRunsArePrunedInBatchesAndStillVerify() {
		database.empty();
		AuditTrail trail = database.parts(this.settings).trail(Clock.fixed(RECORDED, ZoneOffset.UTC));
		for (int i = 1; i <= 2_400; i++) {
			trail.append(event((i % 2 == 0) ? SHORT_LIVED : LONG_LIVED, i));
		}
		this.checkpoints.create(2_400, hashAt(2_400));

		AuditPruner.Result result = pruner(TWO_YEARS_LATER).prune();

		assertThat(result.events()).isEqualTo(1_199);
		assertThat(result.ranges()).isEqualTo(1_199);
		assertThat(count("audit_event")).isEqualTo(2_400 - 1_199 + 1);
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.pruned()).isEqualTo(1_199);
	}

	@Test
	void aDeletionDressedUpAsPruningIsFound() {
		UUID pruning = pruner(TWO_YEARS_LATER).prune().pruningId();
		// given: the long-lived event at 9 removed and recorded as a range of that
		// pruning
		AuditRecord nine = database.row(9);
		database.tamper("INSERT INTO audit_pruned_range VALUES (9, 9, '" + nine.prevHash() + "', '" + nine.hash()
				+ "', '" + pruning + "')");
		database.tamper("DELETE FROM audit_event WHERE position = 9");

		ChainVerification verification = this.verifier.verify();

		assertThat(verification.intact()).isFalse();
		assertThat(verification.kind()).isEqualTo(ChainBreak.DELETED);
		assertThat(verification.firstBadPosition()).isEqualTo(1);
	}

	@Test
	void aDeletionWithAForgedPruningStatementIsFound() {
		pruner(TWO_YEARS_LATER).prune();
		AuditRecord nine = database.row(9);
		UUID forged = UUID.randomUUID();
		PrunedRanges.Pruning genuine = this.pruned.prunings().get(0);
		database.tamper("INSERT INTO audit_pruning VALUES ('" + forged + "', now(), 20, '" + hashAt(20) + "', 1, 1, '"
				+ PrunedRanges.digest(List.of(new PrunedRange(9, 9, nine.prevHash(), nine.hash(), forged))) + "', '"
				+ genuine.keyId() + "', '" + genuine.statement() + "')");
		database.tamper("INSERT INTO audit_pruned_range VALUES (9, 9, '" + nine.prevHash() + "', '" + nine.hash()
				+ "', '" + forged + "')");
		database.tamper("DELETE FROM audit_event WHERE position = 9");

		ChainVerification verification = this.verifier.verify();

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBadPosition()).isEqualTo(9);
		assertThat(verification.kind()).isEqualTo(ChainBreak.DELETED);
	}

	@Test
	void aRemovedRangeShowsAsDeletedEvents() {
		pruner(TWO_YEARS_LATER).prune();
		database.tamper("DELETE FROM audit_pruned_range WHERE first_position = 6");

		ChainVerification verification = this.verifier.verify();

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBadPosition()).isEqualTo(6);
		assertThat(verification.kind()).isEqualTo(ChainBreak.DELETED);
	}

	@Test
	void aBrokenChainIsNotPruned() {
		database.tamper("UPDATE audit_event SET recipient = 'vvs' WHERE position = 7");

		AuditPruner.Result result = pruner(TWO_YEARS_LATER).prune();

		assertThat(result.refusal()).contains("broken at position 7");
		assertThat(count("audit_event")).isEqualTo(24);
		assertThat(count("audit_pruning")).isZero();
	}

	@Test
	void withoutASignedCheckpointNothingIsPruned() {
		database.tamper("TRUNCATE audit_cosignature, audit_checkpoint");

		AuditPruner.Result result = pruner(TWO_YEARS_LATER).prune();

		assertThat(result.refusal()).contains("no signed checkpoint");
		assertThat(count("audit_event")).isEqualTo(24);
	}

	@Test
	void withoutTheOwnersCredentialsTheCommandRefusesAndExitsOne() {
		AuditPruner pruner = new AuditPruner(SchemaOwner.none(), this.jdbc, this.verifier, this.checkpoints,
				this.pruned, database.parts(this.settings).trail(Clock.systemUTC()), this.retention, CATALOGUE,
				Clock.fixed(TWO_YEARS_LATER, ZoneOffset.UTC));
		StringWriter output = new StringWriter();

		int exit = new AuditPruneCommand(pruner).run(List.of(), new PrintWriter(output, true));

		assertThat(exit).isEqualTo(3);
		assertThat(output.toString()).contains("Nothing pruned").contains("SPRING_FLYWAY_USER");
		assertThat(count("audit_event")).isEqualTo(24);
	}

	@Test
	void theCommandReportsWhatItPruned() {
		StringWriter output = new StringWriter();

		int exit = new AuditPruneCommand(pruner(TWO_YEARS_LATER)).run(List.of(), new PrintWriter(output, true));

		assertThat(exit).isZero();
		assertThat(output.toString()).contains("Pruned 12 audit events in 4 ranges")
			.contains("signed checkpoint at position 20");
		StringWriter verified = new StringWriter();
		assertThat(new AuditVerifyCommand(this.verifier).run(List.of(), new PrintWriter(verified, true))).isZero();
		assertThat(verified.toString()).contains("Linked through 12 events that retention pruned").contains("intact");
	}

	@Test
	void theDatabaseLetsOnlyCoveredEventsGoAndNeverTheRanges() {
		pruner(TWO_YEARS_LATER).prune();
		List<String> refused = new ArrayList<>();
		for (String sql : List.of("DELETE FROM audit_event WHERE position = 4",
				"DELETE FROM audit_pruned_range WHERE first_position = 1",
				"UPDATE audit_pruned_range SET hash = prev_hash WHERE first_position = 1", "DELETE FROM audit_pruning",
				"TRUNCATE audit_pruned_range CASCADE")) {
			try {
				this.jdbc.sql(sql).update();
			}
			catch (RuntimeException ex) {
				refused.add(sql);
			}
		}

		assertThat(refused).hasSize(5);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void theApplicationRoleMayReadRangesButNotWriteThem() throws java.sql.SQLException {
		pruner(TWO_YEARS_LATER).prune();
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("SET ROLE ketenpoort_app");
			var ranges = statement.executeQuery("SELECT count(*) FROM audit_pruned_range");
			ranges.next();
			assertThat(ranges.getLong(1)).isEqualTo(4);
		}
		List<String> refused = new ArrayList<>();
		for (String sql : List.of(
				"INSERT INTO audit_pruning VALUES (gen_random_uuid(), now(), 1, '', 0, 0, '', '', '')",
				"DELETE FROM audit_event WHERE position = 1")) {
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("SET ROLE ketenpoort_app");
				statement.execute(sql);
			}
			catch (java.sql.SQLException ex) {
				assertThat(ex.getSQLState()).isEqualTo("42501");
				refused.add(sql);
			}
		}

		assertThat(refused).hasSize(2);
	}

	@Test
	void aRetentionForAnUnknownPurposeIsRejectedAtStart() {
		AuditRetention typo = new AuditRetention(Period.ofYears(7), Map.of("handover-notcie", Period.ofYears(1)),
				Duration.ofHours(24), Period.ofYears(1));

		assertThatIllegalStateException()
			.isThrownBy(() -> new AuditPruner(SchemaOwner.connectingTo(dataSource), this.jdbc, this.verifier,
					this.checkpoints, this.pruned, database.parts(this.settings).trail(Clock.systemUTC()), typo,
					CATALOGUE, Clock.systemUTC()))
			.withMessageContaining("handover-notcie");
	}

	/** A clock the test moves. */
	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private AuditPruner pruner(Instant now) {
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		return new AuditPruner(SchemaOwner.connectingTo(dataSource), this.jdbc, this.verifier, this.checkpoints,
				this.pruned, database.parts(this.settings).trail(clock), this.retention, CATALOGUE, clock);
	}

	private static AuditEvent event(@Nullable String purpose, int i) {
		return AuditEvent.of(AuditEventType.DELIVERED, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.purpose(purpose, (purpose != null) ? "GDPR 6(1)(a)" : null)
			.subject("sub-v-" + "%064x".formatted(i))
			.route("tvs", "raak")
			.document("client-profile", UUID.randomUUID())
			.payload(List.of("education"), "%064x".formatted(i * 7919L))
			.build();
	}

	private List<Long> storedPositionsOf(String purpose) {
		return this.jdbc.sql("SELECT position FROM audit_event WHERE purpose = ? ORDER BY position")
			.param(purpose)
			.query(Long.class)
			.list();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private String hashAt(long position) {
		return database.row(position).hash();
	}

}
