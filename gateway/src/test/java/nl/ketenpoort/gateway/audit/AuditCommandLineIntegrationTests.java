package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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

		Run verify = run("audit", "verify");
		Run prune = run("audit", "prune");

		assertThat(verify.exit()).as(verify.output()).isZero();
		assertThat(verify.output()).contains("The audit chain is intact.");
		assertThat(prune.exit()).as(prune.output()).isZero();
		assertThat(prune.output()).contains("No audit events have passed their retention period");
		assertThat(this.checkpoints.latest()).isPresent();
	}

	private record Run(int exit, String output) {
	}

	private static Run run(String... command) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> words = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString()));
		words.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true);
		builder.environment().put("KETENPOORT_DATA_DIR", dataDir().toString());
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
