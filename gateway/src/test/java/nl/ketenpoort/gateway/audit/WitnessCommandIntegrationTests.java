package nl.ketenpoort.gateway.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ketenpoort.gateway.audit.internal.AuditTree;
import nl.ketenpoort.gateway.audit.internal.Cosignature;
import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.gateway.audit.internal.WitnessClient;
import nl.ketenpoort.keys.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code witness serve} as an operator runs it: the packaged jar in its own process, on a
 * free port, without a context or database, answered through {@link WitnessClient} and
 * stopped by SIGTERM.
 */
class WitnessCommandIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private static final String ORIGIN = "ketenpoort.example/audit";

	private static final Pattern LISTENING = Pattern.compile("Witness listening on port ([0-9]+)");

	@TempDir
	Path directory;

	@Test
	void theWitnessCosignsThenAnswersAConflictAndStopsOnSigterm() throws Exception {
		// given
		SignedNote.Signer log = CosignatureTests.signer(ORIGIN);
		Path dataDir = Files.createDirectories(this.directory.resolve("data"));
		Path errors = this.directory.resolve("witness.err");
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-jar", JAR.toString(), "witness", "serve", "--port", "0", "--state",
				this.directory.resolve("state").toString(), "--name", "witness.example/w1", "--log",
				ORIGIN + "=" + log.verifierKey().encoded())
			.redirectError(errors.toFile());
		// a data directory of its own: the witness must leave it as empty as it found it
		builder.environment().put("KETENPOORT_DATA_DIR", dataDir.toString());
		Process witness = builder.start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(witness.getInputStream(), StandardCharsets.UTF_8));
			List<String> lines = CompletableFuture.supplyAsync(() -> startLines(out)).get(60, TimeUnit.SECONDS);
			Cosignature.VerifierKey witnessKey = Cosignature.VerifierKey.parse(lines.get(0));
			Matcher listening = LISTENING.matcher(lines.get(1));
			assertThat(listening.matches()).as(lines.get(1)).isTrue();
			URI uri = URI.create("http://127.0.0.1:" + listening.group(1));
			HttpClient http = HttpClient.newHttpClient();
			WitnessClient client = new WitnessClient(http, Duration.ofSeconds(10));
			List<byte[]> leaves = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				leaves.add(AuditTree.leafHash(Digests.sha256("event " + i)));
			}
			String five = SignedNote
				.sign(new SignedNote.Checkpoint(ORIGIN, 5, AuditTree.root(AuditTree.of(leaves), 5)).text(), log);
			String eight = SignedNote
				.sign(new SignedNote.Checkpoint(ORIGIN, 8, AuditTree.root(AuditTree.of(leaves), 8)).text(), log);

			// when
			WitnessClient.Result cosigned = client.addCheckpoint(uri, 0, List.of(), five);
			WitnessClient.Result conflict = client.addCheckpoint(uri, 0, List.of(), eight);
			WitnessClient.Result extended = client.addCheckpoint(uri, 5,
					AuditTree.consistencyProof(AuditTree.of(leaves), 5, 8), eight);
			int getStatus = http
				.send(HttpRequest.newBuilder(uri.resolve("/add-checkpoint")).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
			int otherPath = http
				.send(HttpRequest.newBuilder(uri.resolve("/checkpoint"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();

			// then
			assertThat(cosigned).isInstanceOfSatisfying(WitnessClient.Cosigned.class, (result) -> {
				SignedNote.Note note = SignedNote.parse(five + result.signatures().get(0).encoded());
				assertThat(Cosignature.check(note, witnessKey).status()).isEqualTo(Cosignature.Status.VALID);
			});
			assertThat(conflict).isEqualTo(new WitnessClient.Conflict(5));
			assertThat(extended).isInstanceOf(WitnessClient.Cosigned.class);
			assertThat(getStatus).isEqualTo(405);
			assertThat(otherPath).isEqualTo(404);
		}
		finally {
			// SIGTERM, as a service manager stops it
			witness.destroy();
			assertThat(witness.waitFor(20, TimeUnit.SECONDS)).isTrue();
		}
		String logs = Files.readString(errors);
		assertThat(logs).doesNotContain("PostgreSQL").doesNotContain("HikariPool").doesNotContain("Exception");
		try (var files = Files.list(dataDir)) {
			assertThat(files).as("the data directory").isEmpty();
		}
		assertThat(this.directory.resolve("state").resolve("witness-key.p8")).isRegularFile();
	}

	private static List<String> startLines(BufferedReader out) {
		try {
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String line = out.readLine();
				assertThat(line).as("the witness's line %d on stdout", i + 1).isNotNull();
				lines.add(line);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
