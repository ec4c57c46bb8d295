package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands as operators run them: the packaged jar in its own process,
 * beside a running gateway on the same data directory.
 */
class AuditCommandLineIntegrationTests extends GatewayIntegrationTest {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@Test
	void verifyAndPruneRunBesideTheGatewayAndSayWhatTheyDid() throws Exception {
		AuditRecord head = this.trail
			.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
				.reason("command-line-test")
				.build());
		this.checkpoints.create(head.position(), head.hash());
		// another context of this process attaches to the same data directory first, as
		// the tests' contexts do: that must not cost the running server its ownership
		try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dataDir())) {
			assertThat(attached.owned()).isFalse();
		}

		long events = count();

		Run verify = run("audit", "verify");
		Run typo = run("audit", "verify", "first");
		Run refused = run("audit", "prune", "--ketenpoort.audit.retention.default-period=P0D");
		Run dryRun = run("audit", "prune", "--dry-run", "--ketenpoort.audit.retention.default-period=P0D",
				"--i-understand-this-deletes-evidence");

		// the results alone on stdout, logs and usage on stderr
		assertThat(verify.exit()).as(verify.errors()).isZero();
		assertThat(verify.output()).contains("The audit chain is intact.");
		assertThat(verify.output().lines()).hasSizeLessThanOrEqualTo(3);
		assertThat(typo.exit()).isEqualTo(2);
		assertThat(typo.output()).isEmpty();
		assertThat(typo.errors()).contains("Usage:").doesNotContain("Exception").doesNotContain("\tat ");
		// emptying the log takes the explicit flag, and a dry run deletes nothing
		assertThat(refused.exit()).as(refused.output() + refused.errors()).isEqualTo(2);
		assertThat(refused.errors()).contains("--i-understand-this-deletes-evidence");
		assertThat(dryRun.exit()).as(dryRun.output() + dryRun.errors()).isZero();
		assertThat(dryRun.output()).contains("Dry run").contains("would prune");
		assertThat(count()).isEqualTo(events);
		assertThat(this.checkpoints.latest()).isPresent();
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
	}

	private record Run(int exit, String output, String errors) {
	}

	private static Run run(String... command) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> words = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString()));
		words.addAll(List.of(command));
		Path errors = Files.createTempFile("ketenpoort-command", ".err");
		ProcessBuilder builder = new ProcessBuilder(words).redirectError(errors.toFile());
		builder.environment().put("KETENPOORT_DATA_DIR", dataDir().toString());
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		String err = Files.readString(errors);
		Files.delete(errors);
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8), err);
	}

}
