package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.audit.PackagedJar.Run;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.internal.DatabaseConnection;
import nl.ketenpoort.gateway.database.internal.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands as operators run them: the packaged jar in its own process,
 * beside a running gateway, on its embedded database (the data directory) or named as an
 * external one. The processes run once, side by side, against one prepared database; the
 * tests read what they answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandLineIntegrationTests extends GatewayIntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(AuditCommandLineIntegrationTests.class);

	/** Four commands at a time: more only queue for the two cores of the machine. */
	private static final ExecutorService RUNNER = Executors.newFixedThreadPool(4);

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<Command> commands;

	private final Map<String, Run> runs = new LinkedHashMap<>();

	private long eventsBefore;

	private long eventsAfter;

	@BeforeAll
	void runTheCommandsOnceAgainstOnePreparedDatabase() throws IOException {
		this.trail.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.reason("command-line-test")
			.build());
		this.chainer.chainPending();
		assertThat(this.checkpoints.signHead()).as("a checkpoint of the head with that event").isPresent();
		// another context of this process attaches to the same data directory first, as
		// the tests' contexts do: that must not cost the running server its ownership
		try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dataDir())) {
			assertThat(attached.owned()).isFalse();
		}
		DatabaseConnection database = DatabaseConnection.read(dataDir()).orElseThrow();
		this.eventsBefore = count();

		long startedAt = System.nanoTime();
		Map<String, CompletableFuture<Run>> started = new LinkedHashMap<>();
		// verify against an external database: the connection in the environment, as an
		// operator sets it; with --verbose its logs show it starts no embedded server
		started.put("verify",
				start(Map.of("SPRING_DATASOURCE_URL", database.url(), "SPRING_DATASOURCE_USERNAME", database.username(),
						"SPRING_DATASOURCE_PASSWORD", database.password(), "SPRING_FLYWAY_USER",
						database.adminUsername(), "SPRING_FLYWAY_PASSWORD", database.adminPassword()), "audit",
						"verify", "--verbose"));
		started.put("typo", start(Map.of(), "audit", "verify", "first"));
		started.put("refused", start(Map.of(), "audit", "prune", "--ketenpoort.audit.retention.default-period=P0D"));
		started.put("dry-run", start(Map.of(), "audit", "prune", "--dry-run",
				"--ketenpoort.audit.retention.default-period=P0D", "--i-understand-this-deletes-evidence"));
		started.put("help", start(Map.of(), "--help"));
		for (Command command : this.commands) {
			String words = command.group() + " " + command.name();
			started.put(words + " --help", start(Map.of(), command.group(), command.name(), "--help"));
		}
		started.forEach((name, run) -> this.runs.put(name, run.join()));
		this.eventsAfter = count();
		log.info("{} runs of the packaged jar took {} ms", this.runs.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
	}

	@AfterAll
	void stopTheRunner() {
		RUNNER.shutdown();
	}

	@Test
	void verifyPrintsItsResultAloneOnStdoutInAtMostThreeLines() {
		Run verify = this.runs.get("verify");

		assertThat(verify.exit()).as(verify.errors()).isZero();
		assertThat(verify.output()).contains("The audit chain is intact.");
		assertThat(verify.output().lines()).hasSizeLessThanOrEqualTo(3);
		// the logs went to stderr, and name no embedded server
		assertThat(verify.errors()).contains("HikariPool").doesNotContain("Embedded PostgreSQL");
	}

	@Test
	void aBadArgumentExitsTwoWithTheUsageAndNoStackTrace() {
		Run typo = this.runs.get("typo");

		assertThat(typo.exit()).isEqualTo(2);
		assertThat(typo.output()).isEmpty();
		assertThat(typo.errors()).contains("Usage:").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void everyCommandAndTheRootAnswerHelp() {
		assertThat(this.commands).hasSizeGreaterThanOrEqualTo(6);
		assertThat(this.runs.get("help").exit()).isZero();
		assertThat(this.runs.get("help").output()).contains("Usage: java -jar ketenpoort-gateway.jar")
			.contains("audit")
			.contains("Exit codes:");
		for (Command command : this.commands) {
			String words = command.group() + " " + command.name();
			Run help = this.runs.get(words + " --help");
			assertThat(help.exit()).as(words + ": " + help.errors()).isZero();
			assertThat(help.output()).as(words)
				.contains("Usage: java -jar ketenpoort-gateway.jar " + words)
				.contains("--verbose")
				.contains("Exit codes:");
			assertThat(help.errors()).as(words).isEmpty();
		}
	}

	@Test
	void pruneToNothingIsRefusedWithoutTheFlag() {
		Run refused = this.runs.get("refused");

		assertThat(refused.exit()).as(refused.output() + refused.errors()).isEqualTo(2);
		assertThat(refused.errors()).contains("--i-understand-this-deletes-evidence");
		assertThat(refused.output()).doesNotContain("Pruned");
	}

	@Test
	void aDryRunSaysWhatWouldGoAndDeletesNothing() {
		Run dryRun = this.runs.get("dry-run");

		assertThat(dryRun.exit()).as(dryRun.output() + dryRun.errors()).isZero();
		assertThat(dryRun.output()).contains("Dry run").contains("would prune").contains("nothing was deleted");
		assertThat(this.eventsAfter).isEqualTo(this.eventsBefore);
		assertThat(this.checkpoints.latest()).isPresent();
	}

	/** Every event, chained or still staged (one statement: one snapshot of both). */
	private long count() {
		return this.jdbc.sql("SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM audit_staged)")
			.query(Long.class)
			.single();
	}

	/**
	 * Runs the packaged jar as an operator would, on a thread of {@link #RUNNER}; the
	 * data directory is the test gateway's (its secrets and, unless the environment names
	 * a database, its embedded database).
	 */
	private static CompletableFuture<Run> start(Map<String, String> environment, String... command) {
		return CompletableFuture.supplyAsync(() -> run(environment, command), RUNNER);
	}

	private static Run run(Map<String, String> environment, String... command) {
		Map<String, String> withDataDir = new LinkedHashMap<>(environment);
		withDataDir.put("KETENPOORT_DATA_DIR", dataDir().toString());
		return PackagedJar.run(withDataDir, command);
	}

}
