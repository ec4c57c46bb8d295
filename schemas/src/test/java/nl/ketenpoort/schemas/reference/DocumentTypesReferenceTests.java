package nl.ketenpoort.schemas.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.ketenpoort.schemas.registry.DocumentSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTypesReferenceTests {

	private static final String REGENERATE = "ketenpoort.regenerate-docs";

	@Test
	void committedReferenceMatchesTheSchemas() throws IOException {
		// given the page rendered from the schemas
		String rendered = new DocumentTypesReference(DocumentSchemas.load()).render();
		Path committed = repositoryRoot().resolve(DocumentTypesReference.PATH);
		if (Boolean.getBoolean(REGENERATE)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, rendered, StandardCharsets.UTF_8);
		}
		// when
		String onDisk = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
		// then
		assertThat(onDisk)
			.as("%s is out of date with the schemas; regenerate it with "
					+ "./mvnw -B -pl schemas test -Dtest=DocumentTypesReferenceTests -D%s=true",
					DocumentTypesReference.PATH, REGENERATE)
			.isEqualTo(rendered);
	}

	@Test
	void listsEveryDocumentTypeAndMarksArticleNineFields() {
		// given
		DocumentTypesReference reference = new DocumentTypesReference(DocumentSchemas.load());
		// when
		String page = reference.render();
		// then
		assertThat(page).contains("(`client-profile`)", "(`nt2-learner-profile`)", "(`opstartklas-report`)",
				"(`trajectory-plan`)", "(`handover-notice`)", "(`consent-statement`)", "(`audit-event`)");
		assertThat(page).contains("| `wellbeing.mentalLoad` | wellbeing | **yes** |");
		assertThat(page).contains("| `subject.vNumber` | identity |  | ✔ |");
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
