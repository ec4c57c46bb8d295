package nl.ketenpoort.gateway.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product jar under the {@code prod} profile refuses to start on made-up settings: no
 * embedded database without {@code SPRING_DATASOURCE_URL}, no generated secret, and a
 * message that names what is missing.
 */
class ProductionStartupIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private static final Map<String, String> SECRETS = Map.of("KETENPOORT_CONSENT_PSEUDONYMKEY",
			"c2VjcmV0LXBzZXVkb255bS1rZXktMzItYnl0ZXMtbG9uZw==", "KETENPOORT_CONSENT_KEYENCRYPTIONKEY",
			"c2VjcmV0LWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcw==", "KETENPOORT_EXCHANGE_PAYLOADKEY",
			"c2VjcmV0LXBheWxvYWQta2V5LTMyLWJ5dGVzLWxvbmctLS0=", "KETENPOORT_AUDIT_KEYENCRYPTIONKEY",
			"YXVkaXQta2V5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzLS0=");

	@Test
	void withoutADatabaseUrlProductionExitsNamingItAndStartsNoDatabase(@TempDir Path dataDir) throws Exception {
		// when
		Run run = start(dataDir, SECRETS);

		// then
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("SPRING_DATASOURCE_URL")
			.doesNotContain("KETENPOORT_CONSENT_PSEUDONYMKEY")
			.doesNotContain("Started KetenpoortApplication");
		assertThat(contents(dataDir)).as("no embedded database, no secrets file").isEmpty();
	}

	@Test
	void withoutKeysProductionExitsNamingEachAndGeneratesNone(@TempDir Path dataDir) throws Exception {
		// when: a database URL nothing listens on; the check comes before any connection
		Run run = start(dataDir, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:9/ketenpoort"));

		// then
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output())
			.contains("KETENPOORT_CONSENT_PSEUDONYMKEY", "KETENPOORT_CONSENT_KEYENCRYPTIONKEY",
					"KETENPOORT_EXCHANGE_PAYLOADKEY", "KETENPOORT_AUDIT_KEYENCRYPTIONKEY")
			.doesNotContain("- SPRING_DATASOURCE_URL");
		assertThat(contents(dataDir)).as("no secrets file").isEmpty();
	}

	private static List<Path> contents(Path dataDir) throws IOException {
		try (Stream<Path> files = Files.list(dataDir)) {
			return files.toList();
		}
	}

	private static Run start(Path dataDir, Map<String, String> environment) throws Exception {
		assertThat(JAR).as("built by package before the integration tests").exists();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
				"--spring.profiles.active=prod", "--server.port=0"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("KETENPOORT_"));
		builder.environment().put("KETENPOORT_DATA_DIR", dataDir.toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {
	}

}
