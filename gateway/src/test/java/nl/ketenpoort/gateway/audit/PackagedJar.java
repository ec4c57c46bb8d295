package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged gateway jar as an operator would, in a process of its own, and keeps
 * what it printed on stdout and stderr apart.
 */
final class PackagedJar {

	static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private PackagedJar() {
	}

	/** One run: its exit code, stdout and stderr. */
	record Run(int exit, String output, String errors) {
	}

	static Run run(Map<String, String> environment, String... command) {
		String java = ProcessHandle.current().info().command().orElse("java");
		// Short runs: C1 only and the serial collector about halve the CPU a start
		// costs on this shared machine, which is what these tests are bounded by.
		List<String> words = new ArrayList<>(
				List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		words.addAll(List.of(command));
		try {
			Path output = Files.createTempFile("ketenpoort-command", ".out");
			Path errors = Files.createTempFile("ketenpoort-command", ".err");
			ProcessBuilder builder = new ProcessBuilder(words).redirectOutput(output.toFile())
				.redirectError(errors.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
			Run run = new Run(process.exitValue(), Files.readString(output), Files.readString(errors));
			Files.delete(output);
			Files.delete(errors);
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
