package nl.ketenpoort.schemas.fields;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.Examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MinimiserTests {

	private static final Minimiser minimiser = new Minimiser(FieldCatalogue.load());

	private final JsonNode amira = Examples.document(DocumentType.of("client-profile"), "amira-al-khatib-syria.json");

	@Test
	void keepsNamedCategoriesAndPathsOnly() {
		// given
		Set<String> allowed = Set.of("identity", "education", "practical.digid");
		// when
		ObjectNode minimised = minimiser.minimise(DocumentType.of("client-profile"), this.amira, allowed);
		// then
		assertThat(minimised.propertyNames()).containsExactly("subject", "name", "birthDate", "countryOfOrigin",
				"education", "practical");
		assertThat(minimised.get("practical").propertyNames()).containsExactly("digid");
		assertThat(minimised.get("education")).isEqualTo(this.amira.get("education"));
	}

	@Test
	void keepsNestedFieldsOfArrayItems() {
		// given
		Set<String> allowed = Set.of("languages.language");
		// when
		ObjectNode minimised = minimiser.minimise(DocumentType.of("client-profile"), this.amira, allowed);
		// then
		assertThat(minimised.get("languages")).hasSize(4);
		assertThat(minimised.get("languages").get(0).propertyNames()).containsExactly("language");
	}

	@Test
	void dropsArticleNineDataEvenWhenItsPathIsNamed() {
		// given
		Set<String> allowed = Set.of("wellbeing", "health.careIndications");
		// when
		ObjectNode minimised = minimiser.minimise(DocumentType.of("client-profile"), this.amira, allowed);
		// then
		assertThat(minimised.propertyNames()).doesNotContain("health");
		assertThat(minimised.get("wellbeing")).isEqualTo(this.amira.get("wellbeing"));
	}

	@Test
	void dropsWellbeingWhenOnlyOtherCategoriesAreNamed() {
		// given
		Set<String> allowed = Set.of("identity", "language", "case-notes");
		// when
		ObjectNode minimised = minimiser.minimise(DocumentType.of("client-profile"), this.amira, allowed);
		// then
		assertThat(minimised.propertyNames()).doesNotContain("wellbeing", "health");
	}

	@Test
	void rejectsAnEntryThatIsNeitherCategoryNorField() {
		// given
		Set<String> allowed = Set.of("identity", "practical.digidd");
		// when / then
		assertThatExceptionOfType(UnknownFieldOrCategory.class)
			.isThrownBy(() -> minimiser.minimise(DocumentType.of("client-profile"), this.amira, allowed))
			.satisfies((ex) -> assertThat(ex.entry()).isEqualTo("practical.digidd"));
	}

	@Test
	void reportsUnknownEntriesForCheckingPurposeFieldLists() {
		// given
		Set<String> allowed = Set.of("identity", "practical.digid", "practical.digidd", "beliefs");
		// when
		var unknown = minimiser.unknownEntries(DocumentType.of("client-profile"), allowed);
		// then
		assertThat(unknown).containsExactly("beliefs", "practical.digidd");
	}

	@Test
	void returnsADeepCopy() {
		// given
		ObjectNode minimised = minimiser.minimise(DocumentType.of("client-profile"), this.amira, Set.of("identity"));
		// when
		((ObjectNode) minimised.get("name")).put("familyName", "changed");
		// then
		assertThat(this.amira.get("name").get("familyName").asString()).isEqualTo("Al-Khatib");
	}

}
