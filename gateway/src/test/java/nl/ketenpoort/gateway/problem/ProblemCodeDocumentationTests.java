package nl.ketenpoort.gateway.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.ketenpoort.schemas.problem.FailureCode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code a client can meet, the gateway's and the libraries', has its section in
 * docs/problems.md under the anchor its {@code documentation} link names, and every
 * library code is a gateway code answered the same way.
 */
class ProblemCodeDocumentationTests {

	private static final Pattern HEADING = Pattern.compile("^#{2,4} +`?([A-Z][A-Z0-9_]*)`? *$", Pattern.MULTILINE);

	@Test
	void everyGatewayCodeHasASection() throws IOException {
		// given
		Set<String> anchors = anchors();
		// when
		Set<String> missing = Arrays.stream(ProblemCode.values())
			.map((code) -> code.documentation().getFragment())
			.filter((anchor) -> !anchors.contains(anchor))
			.collect(Collectors.toSet());
		// then
		assertThat(missing).as("ProblemCode values without a section in docs/problems.md").isEmpty();
	}

	@Test
	void everyLibraryCodeHasASection() throws IOException {
		// given
		Set<String> anchors = anchors();
		// when
		Set<String> missing = Arrays.stream(FailureCode.values())
			.map((code) -> Problems.documentation(code.name()).getFragment())
			.filter((anchor) -> !anchors.contains(anchor))
			.collect(Collectors.toSet());
		// then
		assertThat(missing).as("FailureCode values without a section in docs/problems.md").isEmpty();
	}

	@Test
	void everyLibraryCodeIsAGatewayCodeAnsweredAlike() {
		Set<String> gateway = Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());
		for (FailureCode failure : FailureCode.values()) {
			assertThat(gateway).as("library code %s among the gateway's codes", failure).contains(failure.name());
			ProblemCode code = ProblemCode.valueOf(failure.name());
			assertThat(Problems.status(failure.kind())).as(failure.name()).isEqualTo(code.status());
			assertThat(failure.title()).as(failure.name()).isEqualTo(code.title());
		}
	}

	@Test
	void everySectionAndTableRowStatesTheStatusTheGatewayAnswers() throws IOException {
		// given
		String page = Files.readString(repositoryRoot().resolve("docs/problems.md"), StandardCharsets.UTF_8);
		Map<String, Integer> stated = new LinkedHashMap<>();
		Matcher sections = Pattern.compile("^### ([A-Z][A-Z0-9_]*)\\n\\n`(\\d{3})`", Pattern.MULTILINE).matcher(page);
		while (sections.find()) {
			stated.put("section " + sections.group(1), Integer.valueOf(sections.group(2)));
		}
		Matcher rows = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| (\\d{3}) \\|", Pattern.MULTILINE).matcher(page);
		int row = 0;
		while (rows.find()) {
			stated.put("row " + (++row) + " " + rows.group(1), Integer.valueOf(rows.group(2)));
		}
		// then: a partner reading the page expects the status the gateway gives
		assertThat(stated).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		stated.forEach((where, status) -> {
			String code = where.substring(where.lastIndexOf(' ') + 1);
			if (Arrays.stream(ProblemCode.values()).anyMatch((value) -> value.name().equals(code))) {
				softly.assertThat(status).as(where).isEqualTo(ProblemCode.valueOf(code).status().value());
			}
		});
		softly.assertAll();
	}

	@Test
	void theLinkIsTheLowerCaseCodeInDocsProblems() {
		assertThat(ProblemCode.INVALID_SUBJECT.documentation())
			.hasToString("https://ketenpoort.nl/docs/problems.md#invalid_subject");
	}

	/** The anchors GitHub gives the code headings: the heading in lower case. */
	private static Set<String> anchors() throws IOException {
		String page = Files.readString(repositoryRoot().resolve("docs/problems.md"), StandardCharsets.UTF_8);
		Matcher headings = HEADING.matcher(page);
		Set<String> anchors = new HashSet<>();
		while (headings.find()) {
			anchors.add(headings.group(1).toLowerCase(Locale.ROOT));
		}
		assertThat(anchors).as("code headings in docs/problems.md").isNotEmpty();
		return anchors;
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
