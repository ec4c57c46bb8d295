package nl.ketenpoort.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's features are application modules: each one's top package is its API and
 * its {@code internal} package is its own. The module documentation under
 * {@code docs/modules/} is generated from the same model.
 */
class ModularityTests {

	private static final String REGENERATE = "ketenpoort.regenerate-docs";

	private static final ApplicationModules MODULES = ApplicationModules.of(KetenpoortApplication.class);

	@Test
	void modulesUseEachOthersApisOnly() {
		MODULES.verify();
	}

	@Test
	void everyFeatureIsAModule() {
		assertThat(MODULES.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"audit", "consent", "console", "database", "delivery", "exchange", "identity", "mandate", "metrics",
				"partner", "portal", "problem", "system");
	}

	@Test
	void aReferenceIntoAnotherModulesInternalsFailsTheCheck() {
		// The same model with one test class added: delivery code that reaches into the
		// identity module's internal package.
		ApplicationModules withForbiddenReference = ApplicationModules.of(KetenpoortApplication.class,
				(location) -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
						|| location.contains("nl/ketenpoort/gateway/delivery/ForbiddenInternalReference"));
		assertThatExceptionOfType(Violations.class).isThrownBy(withForbiddenReference::verify)
			.withMessageContaining("Module 'delivery' depends on non-exposed type")
			.withMessageContaining("identity.internal");
	}

	@Test
	void committedModuleDocumentationMatchesTheModules() throws IOException {
		// given the documentation generated from the modules now
		Path generated = Path.of("target", "modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeDocumentation();
		Path committed = repositoryRoot().resolve("docs/modules");
		if (Boolean.getBoolean(REGENERATE)) {
			copy(generated, committed);
		}
		// then every generated file is committed, and nothing else is there; the
		// generator writes relations in no fixed order, so files compare as sorted lines
		assertThat(sortedLines(files(committed))).as("docs/modules is out of date with the modules; regenerate it with "
				+ "./mvnw -B -pl gateway -am test -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false -D%s=true",
				REGENERATE)
			.isEqualTo(sortedLines(files(generated)));
	}

	private static Map<String, List<String>> sortedLines(Map<String, String> files) {
		Map<String, List<String>> sorted = new TreeMap<>();
		files.forEach((name, text) -> sorted.put(name, text.lines().sorted().toList()));
		return sorted;
	}

	private static Map<String, String> files(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path file : paths.filter(Files::isRegularFile).toList()) {
					files.put(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		return files;
	}

	private static void copy(Path from, Path to) throws IOException {
		if (Files.isDirectory(to)) {
			try (Stream<Path> paths = Files.walk(to)) {
				for (Path file : paths.filter(Files::isRegularFile).toList()) {
					Files.delete(file);
				}
			}
		}
		for (Map.Entry<String, String> file : files(from).entrySet()) {
			Path target = to.resolve(file.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root (the directory holding mvnw)").isNotNull();
		return dir;
	}

}
