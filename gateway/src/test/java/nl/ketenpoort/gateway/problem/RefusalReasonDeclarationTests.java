package nl.ketenpoort.gateway.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.ketenpoort.schemas.problem.RefusalReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusal reasons are declared once, in {@link RefusalReason}: no main source spells one
 * as a string literal of its own, so an audit row's reason always names a constant of
 * that enum.
 */
class RefusalReasonDeclarationTests {

	private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

	@Test
	void noMainSourceSpellsARefusalReason() throws IOException {
		// given
		Set<String> reasons = Arrays.stream(RefusalReason.values()).map(Enum::name).collect(Collectors.toSet());
		Path root = repositoryRoot();
		// when
		List<String> spelled = new ArrayList<>();
		for (String module : List.of("schemas", "consent-registry", "adapters", "gateway")) {
			try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.forEach((file) -> spelled.addAll(literals(root, file, reasons)));
			}
		}
		// then
		assertThat(spelled).as("refusal reasons spelled as literals instead of RefusalReason constants").isEmpty();
	}

	private static List<String> literals(Path root, Path file, Set<String> reasons) {
		try {
			List<String> found = new ArrayList<>();
			Matcher literal = LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (literal.find()) {
				if (reasons.contains(literal.group(1))) {
					found.add(root.relativize(file) + ": " + literal.group(1));
				}
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
