package nl.ketenpoort.consent.purpose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code docs/reference/purposes.md} is what the catalogue says, and names the lawful
 * basis of every flow; a purpose on a ground Ketenpoort cannot carry yet is refused, not
 * carried as if it were consent.
 */
class PurposesReferenceTests {

	private static final String REGENERATE = "ketenpoort.regenerate-docs";

	@Test
	void committedReferenceMatchesTheCatalogue() throws IOException {
		String rendered = new PurposesReference(PurposeCatalogue.load()).render();
		Path committed = repositoryRoot().resolve(PurposesReference.PATH);
		if (Boolean.getBoolean(REGENERATE)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, rendered, StandardCharsets.UTF_8);
		}
		String onDisk = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
		assertThat(onDisk)
			.as("%s is out of date with the catalogue; regenerate it with ./mvnw -B -pl consent-registry -am test"
					+ " -Dtest=PurposesReferenceTests -Dsurefire.failIfNoSpecifiedTests=false -D%s=true",
					PurposesReference.PATH, REGENERATE)
			.isEqualTo(rendered);
	}

	@Test
	void everyPurposeIsListedWithTheArticleOfItsBasisAndItsRoutes() {
		PurposeCatalogue catalogue = PurposeCatalogue.load();
		String page = new PurposesReference(catalogue).render();
		for (Purpose purpose : catalogue.purposes()) {
			assertThat(page).contains("<a id=\"" + purpose.code() + "\"></a>")
				.contains("- Lawful basis: `" + purpose.legalBasis().code() + "`, " + purpose.legalBasis().article());
			for (Route route : purpose.routes()) {
				assertThat(page).contains("| `" + route.from() + "` | ");
			}
		}
		assertThat(page).contains("| `gdpr-6-1-e` | GDPR Art. 6(1)(e) | public task | not yet");
	}

	@Test
	void aPurposeOnAStatutoryBasisIsRefusedUntilItsStatementsExist() {
		String yaml = """
				catalogue-version: "t-1"
				languages: [nl]
				purposes:
				  - code: handover-by-law
				    version: 1
				    legal-basis: gdpr-6-1-e
				    special-category: false
				    max-validity: P1Y
				    routes:
				      - documents: [client-profile]
				        from: tvs
				        to: [raak]
				    allowed:
				      client-profile: [identity]
				    texts: {}
				""";
		assertThatExceptionOfType(CatalogueInvalid.class)
			.isThrownBy(() -> PurposeCatalogue.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
					"test.yaml", AllowedEntries.CATEGORIES_ONLY))
			.withMessageContaining("gdpr-6-1-e")
			.withMessageContaining("does not issue yet");
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
