package nl.ketenpoort.consent.purpose;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.ketenpoort.schemas.DocumentType;

/**
 * The page {@code docs/reference/purposes.md}: every purpose of the catalogue with the
 * lawful basis of its flows, its routes, what may leave the gateway and for how long a
 * consent may run, rendered from the catalogue so that it cannot say otherwise
 * ({@code PurposesReferenceTests} keeps the committed page equal to it).
 */
public final class PurposesReference {

	/** Where the page lives, from the repository root. */
	public static final String PATH = "docs/reference/purposes.md";

	private final PurposeCatalogue catalogue;

	public PurposesReference(PurposeCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The page, in Markdown. */
	public String render() {
		StringBuilder page = new StringBuilder();
		page.append("# Purposes and their lawful basis\n\n")
			.append("Generated from `consent-registry/src/main/resources/purposes.yaml` (catalogue version `")
			.append(this.catalogue.version())
			.append("`) by `PurposesReferenceTests`; do not edit by hand: change the catalogue and regenerate with\n")
			.append("`./mvnw -B -pl consent-registry -am test -Dtest=PurposesReferenceTests ")
			.append("-Dsurefire.failIfNoSpecifiedTests=false -Dketenpoort.regenerate-docs=true`.\n\n")
			.append("A document leaves the gateway only under a purpose: along one of its routes, with the fields ")
			.append("its categories allow, on its lawful basis, checked at acceptance and again at delivery.\n\n");
		page.append("## Lawful bases\n\n").append("| code | article | ground | carried today |\n|---|---|---|---|\n");
		for (LegalBasis basis : LegalBasis.values()) {
			page.append("| `")
				.append(basis.code())
				.append("` | ")
				.append(basis.article())
				.append(" | ")
				.append(basis.ground())
				.append(" | ")
				.append(basis.carried() ? "yes, as a signed consent statement"
						: "not yet: needs a signed statement of the basis")
				.append(" |\n");
		}
		page.append('\n');
		List<Purpose> purposes = this.catalogue.purposes()
			.stream()
			.sorted(Comparator.comparing(Purpose::code))
			.toList();
		page.append(
				"## The purposes\n\n| purpose | version | lawful basis | special-category data | longest consent |\n")
			.append("|---|---|---|---|---|\n");
		for (Purpose purpose : purposes) {
			page.append("| [`")
				.append(purpose.code())
				.append("`](#")
				.append(purpose.code())
				.append(") | ")
				.append(purpose.version())
				.append(" | `")
				.append(purpose.legalBasis().code())
				.append("` ")
				.append(purpose.legalBasis().article())
				.append(" | ")
				.append(purpose.specialCategory() ? "**yes**" : "no")
				.append(" | ")
				.append(purpose.maxValidity())
				.append(" |\n");
		}
		for (Purpose purpose : purposes) {
			section(page, purpose);
		}
		return page.toString();
	}

	private static void section(StringBuilder page, Purpose purpose) {
		PurposeText english = purpose.text("en");
		page.append("\n<a id=\"")
			.append(purpose.code())
			.append("\"></a>\n## ")
			.append(english.title())
			.append(" (`")
			.append(purpose.code())
			.append("`, version ")
			.append(purpose.version())
			.append(")\n\n");
		page.append("- Lawful basis: `")
			.append(purpose.legalBasis().code())
			.append("`, ")
			.append(purpose.legalBasis().article())
			.append(", ")
			.append(purpose.legalBasis().ground())
			.append('\n');
		page.append("- Special-category (Art. 9) data: ").append(purpose.specialCategory() ? "yes" : "no").append('\n');
		page.append("- A consent runs at most: ").append(purpose.maxValidity()).append('\n');
		page.append("- Texts: ")
			.append(String.join(", ",
					PurposeCatalogue.REQUIRED_LANGUAGES.stream()
						.map((language) -> language + (purpose.text(language).machineDraft() ? " (machine draft)" : ""))
						.toList()))
			.append("\n\n");
		page.append("> ").append(english.explanation().strip().replace("\n", " ")).append("\n\n");
		page.append("| from | to | documents |\n|---|---|---|\n");
		for (Route route : purpose.routes()) {
			page.append("| `")
				.append(route.from())
				.append("` | ")
				.append(String.join(", ", route.to().stream().map((to) -> "`" + to + "`").toList()))
				.append(" | ")
				.append(String.join(", ", codes(route.documentTypes())))
				.append(" |\n");
		}
		page.append("\n| document | what may leave the gateway (fields or categories) |\n|---|---|\n");
		for (Map.Entry<DocumentType, Set<String>> allowed : new java.util.TreeMap<>(purpose.allowedCategories())
			.entrySet()) {
			page.append("| `")
				.append(allowed.getKey().code())
				.append("` | ")
				.append(String.join(", ", new TreeSet<>(allowed.getValue())))
				.append(" |\n");
		}
	}

	private static List<String> codes(Set<DocumentType> types) {
		return types.stream().map(DocumentType::code).sorted().map((code) -> "`" + code + "`").toList();
	}

}
